package org.postdesk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code mailbox test}: "IMAP url: resolve ok, connect ok, TLS ok, login FAILED". A
 * connection goes through its steps in order, so every step before the failed one succeeded.
 */
final class StepReport {
    private final String title;
    private final List<String[]> steps = new ArrayList<>();

    StepReport(String title) {
        this.title = title;
    }

    /** @param step the name a failure reports (resolve, connect, TLS, login, folder) */
    StepReport step(String step, String okText) {
        steps.add(new String[] {step, okText});
        return this;
    }

    String ok() {
        List<String> parts = new ArrayList<>();
        steps.forEach(s -> parts.add(s[1]));
        return title + ": " + String.join(", ", parts);
    }

    /** The steps up to {@code failedStep}, which is marked FAILED; the message on the next line. */
    String failed(String failedStep, String message) {
        List<String> parts = new ArrayList<>();
        for (String[] s : steps) {
            if (s[0].equals(failedStep)) {
                parts.add(s[0] + " FAILED");
                return title + ": " + String.join(", ", parts) + "\n  " + message;
            }
            parts.add(s[1]);
        }
        return title + ": FAILED\n  " + message;
    }
}
