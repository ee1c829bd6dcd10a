package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectTagTest {

    private static final TicketNumber N10019 = TicketNumber.fromSequence(1001);
    private final SubjectTag tags = new SubjectTag();

    @Test
    void formatsLabelAndNumber() {
        assertEquals("[Support #10019]", tags.format("Support", N10019));
        assertEquals("[Support #10019]", tags.format("  Support ", N10019));
        assertEquals("[#10019]", tags.format("", N10019));
    }

    @Test
    void formatRefusesALabelWithBrackets() {
        assertThrows(IllegalArgumentException.class, () -> tags.format("Sup]port", N10019));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[Support #10019] printer broken|Support|10019",
        "Re: [Support #10019] printer broken|Support|10019",
        "printer broken [Support #10019]|Support|10019",
        "[support #10019]|support|10019",
        "[SUPPORT #10019]|SUPPORT|10019",
        "[#10019] no label|''|10019",
        "[ # 10019 ]|''|10019",
        "[  Support   #  10019  ]|Support|10019",
        "[Support#10019]|Support|10019",
        "[Help Desk EU #10019]|Help Desk EU|10019",
        "[C# #10019] compiler|C#|10019",
        "[Служба поддержки #10019]|Служба поддержки|10019",
        "AW: [Support #10019] x [Support #5724]|Support|10019",
        "[urgent] [Billing #5724] [Support #10019]|Billing|5724",
    })
    void findsTheFirstTag(String subject, String label, String digits) {
        FoundTag tag = tags.find(subject).orElseThrow();

        assertEquals(label, tag.label());
        assertEquals(digits, tag.digits());
        assertEquals(TicketNumber.parse(digits), tag.number());
        assertTrue(tag.number().isPresent());
    }

    @Test
    void reportsAWrongCheckDigitAsAnEmptyNumber() {
        FoundTag tag = tags.find("Re: [Support #10018] printer").orElseThrow();

        assertEquals("10018", tag.digits());
        assertEquals(Optional.empty(), tag.number());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
        "printer broken", "[Support] printer", "[Support 10019]", "Support #10019", "[Support #] x",
        "[Support #abc]", "(Support #10019)", "[Support #10019", "Support #10019]",
    })
    void findsNothingWithoutATag(String subject) {
        assertEquals(Optional.empty(), tags.find(subject));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "printer broken|[Support #10019] printer broken",
        "Re: printer broken|[Support #10019] Re: printer broken",
        "'  printer broken  '|[Support #10019] printer broken",
        "''|[Support #10019]",
        "[Support #10019] printer broken|[Support #10019] printer broken",
        "Re: [Support #10019] printer broken|Re: [Support #10019] printer broken",
        "Re: [support  #10019] printer|Re: [support  #10019] printer",
        "[Billing #10019] wrong label|[Support #10019] [Billing #10019] wrong label",
        "[Support #5724] other ticket|[Support #10019] [Support #5724] other ticket",
    })
    void addsTheTagOnlyWhenMissing(String subject, String expected) {
        assertEquals(expected, tags.addTo(subject, "Support", N10019));
    }

    @Test
    void addedTagIsTheOneFoundFirst() {
        String subject = tags.addTo("Fwd: [Support #5724] old problem", "Support", N10019);

        assertEquals(Optional.of(N10019), tags.find(subject).orElseThrow().number());
    }

    @Test
    void addToTreatsANullSubjectAsEmpty() {
        assertEquals("[Support #10019]", tags.addTo(null, "Support", N10019));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "printer broken|printer broken",
        "[Support #10019] printer broken|printer broken",
        "Re: [Support #10019] printer broken|printer broken",
        "RE: RE: Re: printer broken|printer broken",
        "re:printer broken|printer broken",
        "Fwd: Fw: FW: printer broken|printer broken",
        "AW: WG: printer broken|printer broken",
        "Ответ: принтер сломан|принтер сломан",
        "ОТВЕТ: Re: принтер сломан|принтер сломан",
        "Відповідь: принтер|принтер",
        "Re[2]: printer broken|printer broken",
        "Re: [Support #10019] Re: [#5724] Fwd: printer broken|printer broken",
        "printer [Support #10019] broken|printer broken",
        "[urgent] printer broken|[urgent] printer broken",
        "Regarding: printer|Regarding: printer",
        "Rebooting: printer|Rebooting: printer",
        "printer Re: broken|printer Re: broken",
        "''|''",
    })
    void stripsTagsAndReplyPrefixes(String subject, String expected) {
        assertEquals(expected, tags.strip(subject));
    }

    @Test
    void stripTreatsNullAsEmpty() {
        assertEquals("", tags.strip(null));
    }
}
