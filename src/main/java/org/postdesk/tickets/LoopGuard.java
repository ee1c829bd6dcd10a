package org.postdesk.tickets;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells automated mail (auto-replies, bounces, lists, our own mail) from mail a person wrote,
 * so that we never autoreply to a machine (invariant 6, "no loops"; RFC 3834).
 *
 * <p>Checks run in a fixed order and the first match gives the reason. Immutable and
 * thread-safe.
 */
public final class LoopGuard {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Pattern REPORT_TYPE =
            Pattern.compile("report-type\\s*=\\s*\"?([\\w-]+)", Pattern.CASE_INSENSITIVE);
    private static final List<String> AUTOREPLY_MARKERS = List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder",
            "X-Auto-Reply", "X-Vacation");
    /** Mailing-list software that announces itself other than with RFC 2369/2919 List-* headers. */
    private static final List<String> LIST_SOFTWARE = List.of("Mailing-List", "X-Mailman-Version", "X-MLServer",
            "X-Mailing-List", "X-ML-Name", "X-Listname", "X-List-Administrivia", "X-Ezmlm-Version");

    private final String loopMarker;
    private final AutomatedSender senders;
    private final RobotSenders robotSenders;
    private final List<Function<HeaderView, Optional<String>>> headerChecks = List.of(
            LoopGuard::autoSubmitted, LoopGuard::precedence, LoopGuard::mailingList,
            LoopGuard::autoResponseSuppress, this::ourLoop, LoopGuard::nullReturnPath,
            LoopGuard::deliveryReport, LoopGuard::autoreplyMarker, LoopGuard::listSoftware, this::listSender);

    /**
     * @param ownAddresses every address we send from (support addresses, the notification sender)
     * @param loopMarker   the value of the {@code X-Loop} header we put on everything we send
     */
    public LoopGuard(Set<String> ownAddresses, String loopMarker) {
        this(ownAddresses, loopMarker, RobotSenders.none());
    }

    /** {@link #LoopGuard(Set, String)} that also takes the senders the admin named as robots. */
    public LoopGuard(Set<String> ownAddresses, String loopMarker, RobotSenders robotSenders) {
        this.robotSenders = Objects.requireNonNull(robotSenders, "robotSenders");
        if (loopMarker == null || loopMarker.isBlank()) {
            throw new IllegalArgumentException("loopMarker must not be blank");
        }
        this.loopMarker = loopMarker.strip().toLowerCase(Locale.ROOT);
        this.senders = new AutomatedSender(ownAddresses.stream()
                .map(AutomatedSender::addrSpec).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The verdict for one message.
     *
     * @param headers     raw header values by lower-case name
     * @param fromAddress the envelope or From sender; null or empty for a null sender
     */
    public AutomationVerdict check(Map<String, List<String>> headers, String fromAddress) {
        return check(new InboundSignals(headers, fromAddress, "", List.of(), ""));
    }

    /** The verdict from the headers, the sender and, last, what the content says (subject, report parts, text). */
    public AutomationVerdict check(InboundSignals signals) {
        HeaderView view = new HeaderView(signals.headers());
        return headerChecks.stream()
                .map(check -> check.apply(view))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> senders.reason(signals.fromAddress()))
                .or(() -> namedRobot(view, signals.fromAddress()))
                .or(() -> RobotContent.reason(signals))
                .map(AutomationVerdict::automated)
                .orElse(AutomationVerdict.human());
    }

    /** The From address or the Return-Path matches {@code ingest.robot-senders}. */
    private Optional<String> namedRobot(HeaderView h, String fromAddress) {
        Optional<String> from = robotSenders.match(fromAddress)
                .map(p -> "sender " + AutomatedSender.addrSpec(fromAddress) + " matches ingest.robot-senders " + p);
        return from.or(() -> h.values("return-path").stream()
                .flatMap(v -> robotSenders.match(v).map(p -> "Return-Path " + AutomatedSender.addrSpec(v)
                        + " matches ingest.robot-senders " + p).stream())
                .findFirst());
    }

    // RFC 3834 §5: any value but "no" marks automatic mail; parameters and comments do not count.
    private static Optional<String> autoSubmitted(HeaderView h) {
        return h.values("auto-submitted").stream()
                .filter(v -> !HeaderView.token(v).equals("no"))
                .findFirst()
                .map(v -> "Auto-Submitted: " + shorten(v));
    }

    private static Optional<String> precedence(HeaderView h) {
        return h.values("precedence").stream()
                .filter(v -> BULK_PRECEDENCE.contains(HeaderView.token(v)))
                .findFirst()
                .map(v -> "Precedence: " + HeaderView.token(v));
    }

    // RFC 2369/2919: mailing lists announce themselves; we never answer a list. Any List-* header counts
    // (List-Help, List-Post, List-Owner ... are written by list software only).
    private static Optional<String> mailingList(HeaderView h) {
        if (h.has("list-id")) {
            return Optional.of("List-Id: " + shorten(h.first("list-id").orElse("")));
        }
        if (h.has("list-unsubscribe")) {
            return Optional.of("List-Unsubscribe present");
        }
        return h.names().stream().filter(n -> n.startsWith("list-")).findFirst().map(n -> header(n) + " present");
    }

    private static Optional<String> listSoftware(HeaderView h) {
        return LIST_SOFTWARE.stream()
                .filter(name -> h.has(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .map(name -> name + " present");
    }

    // The Sender of list traffic and list-software errors is the list's own address (RFC 5322 §3.6.2).
    private Optional<String> listSender(HeaderView h) {
        return h.values("sender").stream()
                .map(AutomatedSender::addrSpec)
                .filter(AutomatedSender::isListAddress)
                .findFirst()
                .map(a -> "Sender " + a + " is a list address");
    }

    /** "list-help" as "List-Help". */
    private static String header(String lowerCaseName) {
        StringBuilder out = new StringBuilder(lowerCaseName.length());
        boolean upper = true;
        for (char c : lowerCaseName.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return out.toString();
    }

    // Microsoft's way of asking for no auto-responses.
    private static Optional<String> autoResponseSuppress(HeaderView h) {
        return h.values("x-auto-response-suppress").stream()
                .filter(v -> !v.isEmpty())
                .findFirst()
                .map(v -> "X-Auto-Response-Suppress: " + shorten(v));
    }

    private Optional<String> ourLoop(HeaderView h) {
        return h.values("x-loop").stream()
                .filter(v -> v.toLowerCase(Locale.ROOT).contains(loopMarker))
                .findFirst()
                .map(v -> "X-Loop: " + shorten(v));
    }

    // RFC 5321 §4.5.5: bounces are sent with a null reverse-path.
    private static Optional<String> nullReturnPath(HeaderView h) {
        return h.values("return-path").stream()
                .filter(v -> v.replaceAll("\\s", "").equals("<>"))
                .findFirst()
                .map(v -> "Return-Path: <> (bounce)");
    }

    // RFC 6522: delivery status and read receipts are multipart/report.
    private static Optional<String> deliveryReport(HeaderView h) {
        return h.first("content-type")
                .filter(v -> HeaderView.token(v).equals("multipart/report"))
                .map(v -> "Content-Type: multipart/report" + reportType(v));
    }

    private static String reportType(String contentType) {
        Matcher m = REPORT_TYPE.matcher(contentType);
        return m.find() ? " (" + m.group(1).toLowerCase(Locale.ROOT) + ")" : "";
    }

    // Older autoresponders that predate Auto-Submitted.
    private static Optional<String> autoreplyMarker(HeaderView h) {
        return AUTOREPLY_MARKERS.stream()
                .filter(name -> h.has(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .map(name -> name + " present");
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
