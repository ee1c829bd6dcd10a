package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateValidationTest {
    private final TemplateEngine engine = new TemplateEngine();
    private final TemplateValidator validator = new TemplateValidator(engine, TemplateSamples.standard());
    private final TemplateKey ack = new TemplateKey("ack", "en");

    /** Public, as every model must be: FreeMarker only sees public members of public types. */
    public record Ticket(long number, String subject) {
    }

    @Test
    void recordComponentsAreReadAsPropertiesFreemarker183() {
        RenderedMail out = engine.compile("t", "en", new TemplateSource("Subject: #${t.number}\n\n${t.subject}", null))
                .render(new Ticket(10019, "printer"));
        assertThat(out.subject()).isEqualTo("#10019"); // number_format=computer: no "10,019"
        assertThat(out.text()).isEqualTo("printer\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Subject: x\\n\\n<#if t.number>oops                  | line 3, column 18",
        "Subject: x\\n\\nHello ${t.customerNam}              | line 3, column 9",
        "Subject: x\\n\\n${'freemarker.template.utility.Execute'?new()('id')} | line 3, column 40",
        "Subject: x\\n\\n${t?api.getClass()}                   | line 3, column 4",
        "Subject: x\\n\\n<#include '/etc/passwd'>             | line 3, column 1",
        "Subject: x\\n\\n[#import 'lib.ftl' as l]             | line 3, column 1",
        "Subject: x\\n\\n${t.subject?interpret}               | line 3, column 12",
    })
    void invalidTemplatesAreRefusedWithLineAndColumn(String source, String where) {
        TemplateSource s = new TemplateSource(source.replace("\\n", "\n"), null);
        assertThatThrownBy(() -> validator.validate(ack, s))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("ack (en) text part, " + where + ": ");
    }

    @Test
    void unknownVariableNamesTheVariable() {
        assertThatThrownBy(() -> validator.validate(ack, new TemplateSource("Subject: ${t.nope}\n\nx", null)))
                .hasMessageContaining("${t.nope}");
    }

    @Test
    void errorInHtmlPartNamesThatPart() {
        TemplateSource s = new TemplateSource("Subject: x\n\nok", "<p>\n${t.missing}</p>");
        assertThatThrownBy(() -> validator.validate(ack, s))
                .hasMessageStartingWith("ack (en) HTML part, line 2, column 3");
    }

    @Test
    void htmlPartEscapesCustomerDataAndTextPartKeepsIt() {
        TemplateSource s = new TemplateSource("Subject: ${t.subject}\n\n${t.subject}", "<p>${t.subject}</p>");
        RenderedMail out = validator.validate(ack, s).sample();
        assertThat(out.html()).isEqualTo("<p>Printer &lt;b&gt;on fire&lt;/b&gt; &amp; smoking</p>");
        assertThat(out.text()).isEqualTo("Printer <b>on fire</b> & smoking\n");
    }

    @Test
    void systemTemplateWithoutSubjectIsRefused() {
        assertThatThrownBy(() -> validator.validate(ack, new TemplateSource("Hello ${t.customerName}", null)))
                .hasMessageContaining("Subject:");
    }

    @Test
    void cannedAnswersGetTheAnswerModelAndNeedNoSubject() {
        TemplateKey answer = new TemplateKey("answers/hello", "en");
        RenderedMail out = validator.validate(answer,
                new TemplateSource("Dear ${t.customerName}, ${t.agentName} here (#${t.number}).", null)).sample();
        assertThat(out.text()).isEqualTo("Dear Ann O'Neil, Bob Agent here (#10019).");
    }

    @Test
    void unknownTemplateNameIsOnlyParsedAndSaysSo() {
        TemplateValidator.Result r = validator.validate(new TemplateKey("someday", "en"),
                new TemplateSource("Subject: ${t.whatever}\n\nx", null));
        assertThat(r.warning()).contains("only its syntax was checked");
    }

    @Test
    void everyShippedTemplateValidates() {
        ShippedTemplates.load(null).forEach((key, source) -> validator.validate(key, source));
        assertThat(ShippedTemplates.load(null)).containsKeys(new TemplateKey("ack", "en"),
                new TemplateKey("ack", "ru"), new TemplateKey("ack", "uk"),
                new TemplateKey("answers/password-reset", "en"), new TemplateKey("answers/password-reset", "ru"),
                new TemplateKey("answers/password-reset", "uk"));
    }

    @Test
    void everyShippedTemplateIsFullyCheckedNotOnlyParsed() {
        ShippedTemplates.load(null).forEach((key, source) -> assertThat(validator.validate(key, source).warning())
                .as(key.toString()).isNull());
        assertThat(TemplateSamples.standard().names()).contains("notification", "held", "stale", "command-error",
                "idle-release", "handover", "delivery-failed", "empty-reply", "send-result", "reply", "answer-list", "withheld", "confirm");
    }

    @ParameterizedTest
    @CsvSource({"en, New ticket [Support #10019]", "ru, Новая заявка [Support #10019]",
        "uk, Нова заявка [Support #10019]"})
    void notificationSampleIsANewTicketAndUnknownDetailsAreRefused(String locale, String subject) {
        TemplateKey key = new TemplateKey("notification", locale);
        RenderedMail sample = validator.validate(key, ShippedTemplates.load(null).get(key)).sample();
        assertThat(sample.subject()).startsWith(subject);
        assertThat(sample.text()).contains("Ref: pd1.").doesNotContain("${");
        assertThatThrownBy(() -> validator.validate(key, new TemplateSource(
                "Subject: <#if t.details.isNew>New</#if> ${t.ticket.tag}\n\nx", null)))
                .isInstanceOf(InvalidTemplateException.class).hasMessageContaining("isNew");
    }

    @Test
    void agentTemplatesReferringToMissingFieldsAreRefused() {
        assertThatThrownBy(() -> validator.validate(new TemplateKey("held", "en"),
                new TemplateSource("Subject: held by ${t.details.owner}\n\nx", null)))
                .isInstanceOf(InvalidTemplateException.class).hasMessageContaining("t.details.owner");
        assertThatThrownBy(() -> validator.validate(new TemplateKey("reply", "en"),
                new TemplateSource("Subject: Re: ${t.tag}\n\n${t.body}", null)))
                .isInstanceOf(InvalidTemplateException.class).hasMessageContaining("t.body");
    }
}
