package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The domain packages import only the JDK (STYLE.md): {@code tickets} only {@code java.*},
 * {@code sla} {@code java.*} and {@code tickets}. Runs from the project root, as Maven does.
 *
 * <p>One exception: {@code javax.crypto} lives in the JDK's own {@code java.base} module and is
 * the only way to compute the HMAC of agent reply tokens, so it counts as {@code java.*}.
 */
class TicketsImportRuleTest {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "postdesk");
    private static final List<String> JDK = List.of("java.", "javax.crypto.");
    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);

    @Test
    void ticketsImportsOnlyTheJdk() {
        Path tickets = MAIN.resolve("tickets");
        assertTrue(Files.isDirectory(tickets), "run from the project root: " + tickets.toAbsolutePath());

        // The domain's packages may use each other (tickets.agent reads replies with tickets.reply).
        List<String> allowed = Stream.concat(JDK.stream(), Stream.of("org.postdesk.tickets.")).toList();
        assertEquals(List.of(), violations(tickets, allowed));
    }

    @Test
    void slaImportsOnlyTheJdkAndTickets() {
        Path sla = MAIN.resolve("sla");
        if (Files.isDirectory(sla)) {
            List<String> allowed = Stream.concat(JDK.stream(), Stream.of("org.postdesk.tickets.")).toList();
            assertEquals(List.of(), violations(sla, allowed));
        }
    }

    @Test
    void scannerSeesEveryKindOfImport() {
        String source = """
                package org.postdesk.tickets;

                import java.util.List;
                import static java.util.Objects.requireNonNull;
                  import org.slf4j.Logger;
                import static jakarta.mail.Part.*;
                import javax.annotation.Nonnull;
                // import not.a.real.Import; is mentioned in a comment only
                """;

        assertEquals(List.of("java.util.List", "java.util.Objects.requireNonNull", "org.slf4j.Logger",
                "jakarta.mail.Part.*", "javax.annotation.Nonnull"), importsOf(source));
    }

    @Test
    void scannerFlagsLookAlikesOfJava(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Sample.java"),
                "import javax.inject.Inject;\nimport javafx.scene.Node;\nimport java.time.Clock;\n"
                        + "import javax.crypto.Mac;\nimport javax.cryptography.Fake;\n");

        List<String> found = violations(dir, JDK);

        assertEquals(List.of("Sample.java: javax.inject.Inject", "Sample.java: javafx.scene.Node",
                "Sample.java: javax.cryptography.Fake"), found);
    }

    private static List<String> violations(Path root, List<String> allowedPrefixes) {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(root)) {
            importsOf(read(file)).stream()
                    .filter(imp -> allowedPrefixes.stream().noneMatch(imp::startsWith))
                    .forEach(imp -> found.add(root.relativize(file) + ": " + imp));
        }
        return found;
    }

    private static List<String> importsOf(String source) {
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            imports.add(m.group(1));
        }
        return imports;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
