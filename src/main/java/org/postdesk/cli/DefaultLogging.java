package org.postdesk.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shipped logging configuration ({@code logback.xml}: console on stderr, our pattern, the levels below), set up
 * in code when the configuration in force is that file unchanged (issue 16: start time). Logback's XML
 * configurator (Joran: a SAX parser, its model and bean introspection) costs every command a fifth of a second
 * of CPU. Found by Logback through {@code META-INF/services}; when {@code logback.configurationFile} names a file
 * that differs from the shipped one (comments aside), or a {@code logback-test.xml} is on the class path, it steps
 * aside and Logback reads that file as before, so an edited {@code conf/logback.xml} still works.
 * {@code DefaultLoggingTest} keeps this class and the file in step.
 */
public final class DefaultLogging extends ContextAwareBase implements Configurator {
    /** The shipped file, in the jar. */
    static final String RESOURCE = "logback.xml";
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0} [%X{mailbox} %X{ticket}] %msg%n";
    static final Level ROOT_LEVEL = Level.WARN;
    static final Map<String, Level> LEVELS = Map.of("org.postdesk", Level.INFO, "org.jooq.Constants", Level.WARN,
            "org.flywaydb", Level.WARN, "com.zaxxer.hikari", Level.WARN, "com.icegreen.greenmail", Level.WARN);
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!shippedConfigurationInForce(System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY),
                DefaultLogging.class.getClassLoader())) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureShipped(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** What the shipped file says, set up on {@code context}. */
    static void configureShipped(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ROOT_LEVEL);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    /** Whether Logback would read the shipped file: {@code file} (the system property, may be null) is it unchanged. */
    static boolean shippedConfigurationInForce(String file, ClassLoader loader) {
        if (file == null) {
            return loader.getResource(ContextInitializer.TEST_AUTOCONFIG_FILE) == null;
        }
        try (InputStream shipped = loader.getResourceAsStream(RESOURCE)) {
            return shipped != null && sameWithoutComments(Files.readString(Path.of(file), StandardCharsets.UTF_8),
                    new String(shipped.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return false; // unreadable or a URL: Logback reads it and reports what is wrong
        }
    }

    static boolean sameWithoutComments(String a, String b) {
        return COMMENT.matcher(a).replaceAll("").strip().equals(COMMENT.matcher(b).replaceAll("").strip());
    }
}
