package org.postdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MimeParser;
import org.postdesk.tickets.AutomationVerdict;
import org.postdesk.tickets.Deliverability;
import org.postdesk.tickets.LoopGuard;

/**
 * Reads every mail file in a directory with exactly the parser and loop guard the daemon uses and prints, one
 * JSON object a line, what the help desk would store: the sender's address, the subject, the text body, the
 * attachment names and the acknowledgement decision. A comparison script measures this against another help
 * desk's expectations for the same mails (issue 15); the corpus itself is third-party data and is never kept
 * in this repository.
 *
 * <p>Run: {@code mvn -B -ntp -o -q test-compile} then
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.postdesk.app.OracleHarness DIR [EXT]}
 * (with {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt} once). EXT defaults to
 * {@code .box}. A file the parser throws on is printed with an {@code error}: the daemon promises that no mail
 * fails to become a ticket, so any error is a defect.
 */
public final class OracleHarness {

    private OracleHarness() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: OracleHarness DIR [EXT]  (prints one JSON line per mail file in DIR)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String ext = args.length > 1 ? args[1] : ".box";
        MimeParser parser = new MimeParser(50L << 20);
        LoopGuard guard = new LoopGuard(Set.of("support@postdesk.test"), "postdesk.test");
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(ext)).sorted().toList();
        }
        for (Path file : files) {
            ObjectNode out = json.createObjectNode();
            out.put("file", file.getFileName().toString());
            try {
                InboundMessage m = parser.parse(Files.readAllBytes(file));
                out.put("from", m.from() == null ? null : m.from().address());
                out.put("subject", m.subject());
                out.put("body", m.textBody());
                out.put("html", m.htmlBody() != null);
                ArrayNode names = out.putArray("attachments");
                m.attachments().stream().map(Attachment::filename).forEach(names::add);
                AutomationVerdict verdict = guard.check(InboundFacts.signals(m));
                boolean ack = !verdict.automated() && m.from() != null
                        && Deliverability.problem(m.from().address()).isEmpty();
                out.put("ack", ack);
                out.put("verdict", verdict.toString());
                ArrayNode notes = out.putArray("notes");
                m.parseNotes().forEach(notes::add);
            } catch (RuntimeException | Error e) {
                out.put("error", e.toString());
            }
            System.out.println(json.writeValueAsString(out));
        }
    }
}
