package org.postdesk.tickets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The senders an admin has named as robots ({@code ingest.robot-senders}): address patterns with {@code *} for
 * any run of characters, matched against the From address and the Return-Path (envelope sender), without case.
 *
 * <p>Why a list and not a heuristic: transactional mail sent through an e-mail service (a "Welcome to …" mail via
 * Mandrill, SendGrid, Amazon SES) carries the service's own headers and a VERP return path, but so does a web
 * shop's contact form that relays real customers through the same service. Recognising the service would stop
 * acknowledgements to those customers; the team knows which senders are robots (docs/INTAKE.md, "The
 * acknowledgement decision").
 */
public final class RobotSenders {
    private static final RobotSenders NONE = new RobotSenders(List.of());
    private final List<String> patterns;
    private final List<Pattern> compiled;

    /** @throws IllegalArgumentException for a pattern that is not an address pattern (no {@code @}) */
    public RobotSenders(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty())
                .toList();
        for (String p : this.patterns) {
            if (!p.contains("@")) {
                throw new IllegalArgumentException("robot sender pattern '" + p + "' has no @: write an address"
                        + " pattern such as *@mandrillapp.com or welcome@papertrailapp.com");
            }
        }
        this.compiled = this.patterns.stream().map(RobotSenders::glob).toList();
    }

    /** No sender named. */
    public static RobotSenders none() {
        return NONE;
    }

    public List<String> patterns() {
        return patterns;
    }

    /** The pattern {@code address} matches, or empty. */
    public Optional<String> match(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String a = AutomatedSender.addrSpec(address);
        for (int i = 0; i < compiled.size(); i++) {
            if (compiled.get(i).matcher(a).matches()) {
                return Optional.of(patterns.get(i));
            }
        }
        return Optional.empty();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String piece : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(piece));
        }
        return Pattern.compile(regex.toString());
    }
}
