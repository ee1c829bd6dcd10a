package org.postdesk.bench;

/** Progress lines on standard error, so standard output carries only the figures. */
final class Progress {
    private Progress() {
    }

    static void say(String format, Object... args) {
        System.err.println("bench: " + String.format(format, args));
    }
}
