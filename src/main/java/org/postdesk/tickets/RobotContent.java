package org.postdesk.tickets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Robots that only say what they are in their content: vacation replies without Auto-Submitted, abuse
 * reports (ARF, RFC 5965) wherever their feedback part sits, and bounces that are not RFC 3464 reports
 * (qmail, old sendmail, Exchange, Postfix with a broken structure). Immutable.
 */
final class RobotContent {

    /** Reply/forward prefixes in the languages we serve, stripped before the subject is looked at. */
    private static final String PREFIXES = "^(?:\\s*(?:re|aw|fw|fwd|wg|sv|antw|tr|rv|ответ|отв|вiдп|відп)\\s*:\\s*)*";
    /** Unambiguous: a subject that starts with one of these is a vacation reply. */
    private static final Pattern VACATION = Pattern.compile(PREFIXES + "(?:"
            + "auto(?:matic|matische|mated)?[- ]?(?:reply|response|answer|antwort|rückantwort)|autoreply|autoresponse"
            + "|out of (?:the )?office|away from (?:the |my )?office|on vacation|vacation (?:reply|notice|message)"
            + "|i am (?:currently )?(?:out of|away|on leave)|i'm (?:currently )?(?:out of|away)"
            + "|автоответ|автоматический ответ|вне офиса|меня нет в офисе|нахожусь в отпуске"
            + "|автовідповідь|автоматична відповідь|поза офісом|перебуваю у відпустці"
            + "|abwesenheitsnotiz|abwesenheitsmeldung|automatische antwort|abwesenheit"
            + "|r[ée]ponse automatique|message d'absence|absent du bureau"
            + "|respuesta autom[áa]tica|fuera de la oficina|respuesta de ausencia|auto respuesta"
            + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Short words that are vacation replies only as the subject's first word before a colon. */
    private static final Pattern VACATION_WORD = Pattern.compile(PREFIXES
            + "(?:absence|absent|ausente|urlaub|abwesend|vacances|vacaciones|vacation|отпуск|отсутствую|відпустка|відсутній|відсутня)"
            + "\\s*[:\\-–]", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * The subjects mail systems give their bounces; a customer's "Delivery failure of my parcel" is not
     * one: the short words count only before a colon, as Exchange and Lotus write them.
     */
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(PREFIXES + "(?:"
            + "(?:undeliverable|undelivered|nicht zustellbar|unzustellbar|non remis|non distribuable|no se puede entregar"
            + "|no entregado|недоставлено|не доставлено|не доставлене|недоставлене)\\s*:"
            + "|undelivered mail returned to sender|mail delivery failed|delivery status notification \\((?:failure|delay)\\)"
            + "|returned mail\\s*:|failure notice\\s*$|mail system error - returned mail|недоставленное сообщение"
            + "|message delivery failure\\s*$|delivery has failed"
            + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * The phrases bounces of qmail, sendmail, Exchange, Postfix and others open with: each a regular expression and a
     * literal part of it, lower case, that every match contains. One list, so the two cannot drift apart.
     */
    private static final List<BouncePhrase> BOUNCE_PHRASES = List.of(
            BouncePhrase.literal("this is the qmail-send program"),
            BouncePhrase.literal("i'm afraid i wasn't able to deliver your message"),
            BouncePhrase.literal("the following addresses had permanent fatal errors"),
            new BouncePhrase("-{3,} ?transcript of session follows ?-{3,}", "transcript of session follows"),
            BouncePhrase.literal("delivery has failed to these recipients or groups"),
            BouncePhrase.literal("your message did not reach some or all of the intended"),
            BouncePhrase.literal("this is the mail system at host"),
            new BouncePhrase("could not be delivered to one or more (?:of its )?recipients",
                    "could not be delivered to one or more"),
            BouncePhrase.literal("message could not be delivered"),
            new BouncePhrase("delivery to the following recipients? failed", "delivery to the following recipient"));
    static final Pattern BOUNCE_TEXT = Pattern.compile(BOUNCE_PHRASES.stream().map(BouncePhrase::regex)
            .collect(Collectors.joining("|", "(?:", ")")), Pattern.CASE_INSENSITIVE);
    /**
     * The literal parts: {@link #BOUNCE_TEXT} can only match where one of them is. Searching a mail's text for these
     * first is why the pattern runs on bounces only (issue 16: a case-insensitive alternation tried at every
     * position of every customer mail's text was 3.5 % of the drain's CPU).
     */
    private static final List<String> BOUNCE_TEXT_CORES = BOUNCE_PHRASES.stream().map(BouncePhrase::core).toList();
    /** The longest core, less one: how far the lower-cased windows of a text overlap. */
    private static final int OVERLAP = BOUNCE_TEXT_CORES.stream().mapToInt(String::length).max().orElse(1) - 1;
    /** Lower-cased a window at a time, so that a text of many megabytes is not copied whole. */
    private static final int WINDOW = 64 * 1024;

    private RobotContent() {
    }

    static Optional<String> reason(InboundSignals s) {
        List<String> types = s.partTypes().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        if (types.contains("message/feedback-report")) {
            return Optional.of("abuse feedback report (message/feedback-report part)");
        }
        if (types.contains("message/delivery-status") || types.contains("message/global-delivery-status")) {
            return Optional.of("delivery status report part");
        }
        if (VACATION.matcher(s.subject()).lookingAt() || VACATION_WORD.matcher(s.subject()).lookingAt()) {
            return Optional.of("vacation subject: " + shorten(s.subject()));
        }
        if (BOUNCE_SUBJECT.matcher(s.subject()).lookingAt()) {
            return Optional.of("bounce subject: " + shorten(s.subject()));
        }
        return isBounceText(s.text()) ? Optional.of("bounce text") : Optional.empty();
    }

    /** What {@code BOUNCE_TEXT.matcher(text).find()} answers, found without running it on most texts. */
    static boolean isBounceText(String text) {
        return holdsACore(text) && BOUNCE_TEXT.matcher(text).find();
    }

    /**
     * Whether the text holds one of {@link #BOUNCE_TEXT_CORES}, ignoring case. The pattern ignores the case of
     * ASCII letters only; lower-casing maps every ASCII capital (and a few others, which only add candidates that
     * the pattern then rejects) to the core's letters, so no text the pattern matches is missed.
     */
    private static boolean holdsACore(String text) {
        for (int start = 0; start < text.length(); start += WINDOW) {
            String window = text.substring(start, Math.min(text.length(), start + WINDOW + OVERLAP))
                    .toLowerCase(Locale.ROOT);
            for (String core : BOUNCE_TEXT_CORES) {
                if (window.contains(core)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A phrase of {@link #BOUNCE_TEXT} and the literal, lower-case part of it that every match holds. */
    private record BouncePhrase(String regex, String core) {
        /** A phrase that is its own literal: written in lower case, with no character special to a pattern. */
        static BouncePhrase literal(String phrase) {
            return new BouncePhrase(Pattern.quote(phrase), phrase);
        }
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
