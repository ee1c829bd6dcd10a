package org.postdesk.tickets;

import java.util.Optional;

/**
 * A displayed ticket number: the sequence value followed by one Damm check digit, so that
 * sequence 1001 is shown as {@code 10019}.
 *
 * <p>{@code value} is the whole displayed number, check digit included. Numbers never have
 * leading zeros, so two numbers are equal exactly when their digits are.
 */
public record TicketNumber(long value) {

    // 18 digits always fit in a long; the largest 19-digit values do not.
    private static final int MAX_DIGITS = 18;
    private static final long MAX_SEQUENCE = 99_999_999_999_999_999L;

    public TicketNumber {
        if (value < 10 || !Damm.isValid(Long.toString(value))) {
            throw new IllegalArgumentException("ticket number " + value + ": check digit is wrong");
        }
    }

    /** The number for sequence value {@code seq}; throws when {@code seq} is not positive. */
    public static TicketNumber fromSequence(long seq) {
        if (seq <= 0 || seq > MAX_SEQUENCE) {
            throw new IllegalArgumentException(
                    "ticket sequence " + seq + " is outside 1.." + MAX_SEQUENCE);
        }
        String digits = Long.toString(seq);
        return new TicketNumber(seq * 10 + Damm.checkDigit(digits));
    }

    /**
     * Reads a number a person typed or a subject carried. Empty when the text is not all ASCII
     * digits, has a leading zero, is too long, or its check digit is wrong.
     */
    public static Optional<TicketNumber> parse(String digits) {
        if (digits == null) {
            return Optional.empty();
        }
        String text = digits.strip();
        if (!isPlainNumber(text) || !Damm.isValid(text)) {
            return Optional.empty();
        }
        return Optional.of(new TicketNumber(Long.parseLong(text)));
    }

    private static boolean isPlainNumber(String text) {
        if (text.length() < 2 || text.length() > MAX_DIGITS || text.charAt(0) == '0') {
            return false;
        }
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The sequence value this number was made from (the number without its check digit). */
    public long sequence() {
        return value / 10;
    }

    /** The digits as shown to people, check digit included. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
