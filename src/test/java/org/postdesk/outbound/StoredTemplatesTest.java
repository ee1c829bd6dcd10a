package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.store.Database;
import org.postdesk.store.NewTemplateVersion;
import org.postdesk.store.TemplateRepository;
import org.postdesk.store.TestDatabases;
import org.slf4j.LoggerFactory;

class StoredTemplatesTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final AckModel ACK = new AckModel("10019", "[Support #10019]", "printer", "Ann", "ann@example.com",
            "support@example.com", "Support");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger templatesLog = (Logger) LoggerFactory.getLogger(Templates.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        templatesLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        templatesLog.detachAppender(logged);
    }

    private static TemplateAdmin admin(Database db) {
        return new TemplateAdmin(db, TemplateSamples.standard(), ShippedTemplates.load(null));
    }

    /** Stores a version without validation, as a bug or a hand-edited database could. */
    private static void storeUnchecked(Database db, String name, String locale, String text) {
        new TemplateRepository(db.dsl()).addVersion(new NewTemplateVersion(name, locale, text, null, "SET", null,
                "test", AT));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shippedDefaultsAreStoredOnFirstStartAndChangesReachEveryDaemonAtOnce(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Templates daemonA = Templates.stored(db, null);
            Templates daemonB = Templates.stored(db, null);
            TemplateRepository repo = new TemplateRepository(db.dsl());
            assertThat(repo.current("ack", "uk")).isPresent();
            assertThat(repo.versions("ack", "en")).hasSize(1); // the second start seeded nothing
            assertThat(daemonB.render(db.dsl(), "ack", "en", ACK).text()).contains("ticket #10019");

            admin(db).set(new TemplateKey("ack", "en"), new TemplateSource("Subject: New ${t.tag}\n\nHi ${t.customerName}",
                    "<p>Hi ${t.customerName}</p>"), "SET", "admin", AT);
            RenderedMail fromB = daemonB.render(db.dsl(), "ack", "en", ACK);
            assertThat(fromB.subject()).isEqualTo("New [Support #10019]");
            assertThat(fromB.html()).isEqualTo("<p>Hi Ann</p>");
            assertThat(daemonA.render(db.dsl(), "ack", "en", ACK).text()).isEqualTo("Hi Ann\n");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void templateBrokenInTheStoreFallsBackToTheLastGoodVersionAndIsLogged(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Templates templates = Templates.stored(db, null);
            admin(db).set(new TemplateKey("ack", "en"), new TemplateSource("Subject: good ${t.number}\n\ngood", null),
                    "SET", "admin", AT);
            storeUnchecked(db, "ack", "en", "Subject: x\n\n${t.noSuchThing}");
            storeUnchecked(db, "ack", "en", "Subject: x\n\n<#if>");

            RenderedMail out = templates.render(db.dsl(), "ack", "en", ACK);

            assertThat(out.subject()).isEqualTo("good 10019");
            assertThat(errors()).hasSize(2).allMatch(m -> m.contains("ack (en)"));
            assertThat(errors().get(1)).contains("version 3").contains("t.noSuchThing");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void whenEveryStoredVersionIsBrokenTheShippedDefaultGoesOut(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            // stored before the first start, so the shipped default was never seeded into the store
            storeUnchecked(db, "ack", "ru", "Subject: x\n\n${t.broken}");
            storeUnchecked(db, "ack", "ru", "Subject: y\n\n<#if>");
            storeUnchecked(db, "custom", "en", "Subject: x\n\n${t.broken}");
            Templates templates = Templates.stored(db, null);
            assertThat(templates.render(db.dsl(), "ack", "ru", ACK).text()).contains("№10019");
            assertThatThrownBy(() -> templates.render(db.dsl(), "custom", "en", ACK))
                    .isInstanceOf(TemplateRenderException.class).hasMessageContaining("custom (en) version 1");
            assertThat(errors()).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void localeChainFallsBackToTheMailboxsThenEnglish(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Templates templates = Templates.stored(db, null);
            assertThat(templates.render(db.dsl(), "ack", Arrays.asList("de", "uk"), ACK).text()).contains("Добрий день");
            assertThat(templates.render(db.dsl(), "ack", Arrays.asList("de", null), ACK).text()).contains("Hello Ann");
            assertThat(templates.render(db.dsl(), "ack", (String) null, ACK).text()).contains("Hello Ann");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void cannedAnswersRenderForTheTicketAndUnknownOnesAreEmpty(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            CannedAnswers answers = new CannedAnswers(Templates.stored(db, null));
            AnswerModel model = new AnswerModel("10019", "[Support #10019]", "login", "Ann", "ann@example.com",
                    "Bob", "Support", "support@example.com");
            assertThat(answers.render(db.dsl(), "password-reset", "ru", model)).hasValueSatisfying(text ->
                    assertThat(text).startsWith("Здравствуйте, Ann!").contains("ann@example.com"));
            assertThat(answers.render(db.dsl(), "Password-Reset", "en", model)).hasValueSatisfying(text ->
                    assertThat(text).startsWith("Hello Ann,"));
            assertThat(answers.render(db.dsl(), "no-such-answer", "en", model)).isEmpty();
            assertThat(answers.render(db.dsl(), "../../etc/passwd", "en", model)).isEmpty();

            admin(db).set(new TemplateKey("answers/refund", "en"), new TemplateSource("Refund for ${t.number}.", null),
                    "SET", "admin", AT);
            assertThat(answers.names(db.dsl(), "uk")).contains("password-reset", "refund", "need-details");
            assertThat(answers.render(db.dsl(), "refund", List.of("uk"), model)).hasValue("Refund for 10019.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void importStoresAllOrNothingAndOnlyWhatChanged(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            TemplateAdmin admin = admin(db);
            admin.seedDefaults();
            TreeMap<TemplateKey, TemplateSource> batch = new TreeMap<>(admin.current());
            batch.put(new TemplateKey("ack", "en"), new TemplateSource("Subject: imported\n\n${t.number}", null));
            batch.put(new TemplateKey("answers/zz", "en"), new TemplateSource("${t.nope}", null));
            long mark = new TemplateRepository(db.dsl()).changeMark();
            assertThatThrownBy(() -> admin.importAll(batch, "admin", AT)).isInstanceOf(InvalidTemplateException.class)
                    .hasMessageContaining("answers/zz (en)");
            assertThat(new TemplateRepository(db.dsl()).changeMark()).isEqualTo(mark);

            batch.remove(new TemplateKey("answers/zz", "en"));
            Map<TemplateKey, Integer> stored = new TreeMap<>();
            admin.importAll(batch, "admin", AT).forEach(s -> stored.put(s.key(), s.version()));
            assertThat(stored.get(new TemplateKey("ack", "en"))).isEqualTo(2);
            assertThat(stored.get(new TemplateKey("ack", "ru"))).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anUpgradeReplacesDefaultsNobodyChangedAndLeavesAdminsEditsAlone(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            TemplateKey ack = new TemplateKey("ack", "en");
            TemplateKey held = new TemplateKey("held", "en");
            Map<TemplateKey, TemplateSource> release1 = ShippedTemplates.load(null);
            new TemplateAdmin(db, TemplateSamples.standard(), release1).seedDefaults();
            admin(db).set(held, new TemplateSource("Subject: ours ${t.ticket.tag}\n\n${t.marker}\n${t.ref}", null),
                    "SET", "admin", AT);

            Map<TemplateKey, TemplateSource> release2 = new HashMap<>(release1);
            release2.put(ack, new TemplateSource(release1.get(ack).text() + "\nNew in release 2.", null));
            release2.put(held, new TemplateSource(release1.get(held).text() + "\nNew in release 2.", null));
            int stored = new TemplateAdmin(db, TemplateSamples.standard(), release2).seedDefaults();

            TemplateRepository repo = new TemplateRepository(db.dsl());
            assertThat(stored).isEqualTo(1);
            assertThat(repo.current("ack", "en").orElseThrow().text()).endsWith("New in release 2.");
            assertThat(repo.current("ack", "en").orElseThrow().version()).isEqualTo(2);
            assertThat(repo.current("held", "en").orElseThrow().text()).startsWith("Subject: ours");
            assertThat(new TemplateAdmin(db, TemplateSamples.standard(), release2).seedDefaults())
                    .as("nothing again").isZero();
        }
    }

    private List<String> errors() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
