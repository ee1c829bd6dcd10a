package org.postdesk.app;

/**
 * Column limits of the store. Real-world mail carries absurd header values; cutting them keeps such a
 * message storable instead of blocking the mailbox on a failing insert.
 */
final class Columns {
    static final int ADDRESS = 320;
    static final int MESSAGE_ID = 900;

    private Columns() {
    }

    /** PostgreSQL refuses the NUL character in text; real mail sometimes carries it. */
    static String text(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** A Message-ID too long to be a key is no key: such a message is deduplicated by content. */
    static String usableMessageId(String messageId) {
        return messageId == null || messageId.length() > MESSAGE_ID ? null : messageId;
    }
}
