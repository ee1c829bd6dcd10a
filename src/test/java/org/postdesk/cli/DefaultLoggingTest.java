package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logging set up in code is the shipped logback.xml's, and an edited file is read by Logback instead. */
class DefaultLoggingTest {
    private static final Path CONF = Path.of("conf/logback.xml");

    @Test
    void theCodeSetsUpWhatTheShippedFileSays() throws JoranException {
        LoggerContext fromFile = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(fromFile);
        joran.doConfigure(DefaultLogging.class.getClassLoader().getResource(DefaultLogging.RESOURCE));
        LoggerContext fromCode = new LoggerContext();
        DefaultLogging.configureShipped(fromCode);

        assertThat(levels(fromCode)).isEqualTo(levels(fromFile));
        assertThat(console(fromCode).getTarget()).isEqualTo(console(fromFile).getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) console(fromCode).getEncoder()).getPattern())
                .isEqualTo(((PatternLayoutEncoder) console(fromFile).getEncoder()).getPattern());
    }

    @Test
    void confLogbackXmlIsTheShippedFile() throws IOException {
        assertThat(DefaultLogging.shippedConfigurationInForce(CONF.toString(), DefaultLogging.class.getClassLoader()))
                .as("conf/logback.xml and src/main/resources/logback.xml differ (comments aside): keep them, and"
                        + " DefaultLogging, in step").isTrue();
    }

    @Test
    void anEditedFileOrATestConfigurationIsLeftToLogback(@TempDir Path dir) throws IOException {
        String shipped = Files.readString(CONF);
        Path edited = Files.writeString(dir.resolve("logback.xml"),
                shipped.replace("<logger name=\"org.postdesk\" level=\"INFO\"/>", "<logger name=\"org.postdesk\" level=\"DEBUG\"/>"));
        Path recommented = Files.writeString(dir.resolve("commented.xml"), "<!-- ours -->\n" + shipped);
        ClassLoader loader = DefaultLogging.class.getClassLoader();
        assertThat(DefaultLogging.shippedConfigurationInForce(edited.toString(), loader)).isFalse();
        assertThat(DefaultLogging.shippedConfigurationInForce(recommented.toString(), loader)).isTrue();
        assertThat(DefaultLogging.shippedConfigurationInForce(dir.resolve("missing.xml").toString(), loader)).isFalse();
        // The test class path has a logback-test.xml, which Logback would read.
        assertThat(DefaultLogging.shippedConfigurationInForce(null, loader)).isFalse();
    }

    private static List<String> levels(LoggerContext context) {
        List<String> names = new ArrayList<>(DefaultLogging.LEVELS.keySet());
        names.addAll(List.of(Logger.ROOT_LOGGER_NAME, "org.postdesk.ingest.MailboxWorker", "org.h2", "org.jooq"));
        return names.stream().sorted().map(n -> n + "=" + context.getLogger(n).getEffectiveLevel()).toList();
    }

    @SuppressWarnings("unchecked") // the root logger of this test has exactly the one console appender
    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(all::add);
        assertThat(all).hasSize(1);
        return (ConsoleAppender<ILoggingEvent>) all.get(0);
    }
}
