package org.postdesk.app.sender;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A mailbox's rule for an agent reply whose sender is not proven ({@code --agent-sender-check}): the
 * token verifies, but no DKIM signature, trusted Authentication-Results or trusted Received shows that
 * the agent sent it.
 */
public enum SenderCheck {
    /** Handled as a customer's mail: it relays nothing and runs no command. */
    STRICT("strict"),
    /** Held; the agent is asked by mail to confirm it with {@code #send} (the default). */
    CONFIRM("confirm"),
    /** The token alone is enough, as before issue 9: anyone holding a leaked notification can act as the agent. */
    TOKEN_ONLY("token-only");

    private final String option;

    SenderCheck(String option) {
        this.option = option;
    }

    /** The name on the command line and in the store. */
    public String option() {
        return option;
    }

    /** The check named {@code text} (case-insensitive); the message lists the choices. */
    public static SenderCheck parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.option.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("agent sender check '" + text
                        + "' is not one of " + choices()));
    }

    public static String choices() {
        return Arrays.stream(values()).map(SenderCheck::option).collect(Collectors.joining(", "));
    }

    /** The stricter of two checks: a reply is judged by the stricter of its arrival and its ticket's mailbox. */
    public SenderCheck stricter(SenderCheck other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
