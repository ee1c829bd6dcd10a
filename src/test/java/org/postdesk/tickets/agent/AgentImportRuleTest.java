package org.postdesk.tickets.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agent domain imports only the JDK ({@code java.*}, and {@code javax.crypto.*} for the HMAC) and the rest of the
 * domain ({@code org.postdesk.tickets.*}, e.g. the reply extractor it shares with customers' mail).
 */
class AgentImportRuleTest {
    private static final Path SOURCES = Path.of("src/main/java/org/postdesk/tickets/agent");

    @Test
    void importsOnlyTheJdkAndTheDomain() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the project directory: " + SOURCES.toAbsolutePath());
        List<String> offending;
        try (Stream<Path> files = Files.list(SOURCES)) {
            offending = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(AgentImportRuleTest::imports)
                    .filter(i -> !i.matches(".*: import (static )?(java|javax\\.crypto|org\\.postdesk\\.tickets)\\..*"))
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), offending);
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(l -> l.startsWith("import "))
                    .map(l -> file.getFileName() + ": " + l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
