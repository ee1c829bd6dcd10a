package org.postdesk.tickets;

import java.util.Objects;
import java.util.Optional;

/**
 * A ticket tag found in a subject, such as {@code [Support #10019]}.
 *
 * @param label  the text before {@code #}, trimmed; empty for {@code [#10019]}
 * @param digits the digits exactly as written
 * @param number the ticket number, or empty when the digits do not carry a valid check digit
 */
public record FoundTag(String label, String digits, Optional<TicketNumber> number) {

    public FoundTag {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(digits, "digits");
        Objects.requireNonNull(number, "number");
    }
}
