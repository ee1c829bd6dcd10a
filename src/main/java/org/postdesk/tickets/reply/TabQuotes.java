package org.postdesk.tickets.reply;

/**
 * Quotes written with a tab instead of {@code >}. mailx and s-nail quote with their {@code indentprefix}, a tab
 * unless the user set it: {@code Name wrote:}, then every quoted line begins with a tab. Read as it stands, the
 * quoted notice's marker ended the agent's reply at the top and the text the agent wrote below the quote was lost
 * (s-nail 14.9 with {@code set quote}, tried on a real Dovecot). Such a quote is rewritten into the {@code >} form
 * the extractor reads, so every rule about quotes applies to it too.
 *
 * <p>Only the run of tab-indented lines right below an attribution is a quote: an agent's own indented lines
 * (a command to type, a code sample) elsewhere stay as written.
 */
final class TabQuotes {
    private static final int NEXT_LINE_REACH = 3;

    private TabQuotes() {
    }

    /** {@code lines} with each tab quote in {@code >} form; the same array when there is none. */
    static String[] asAngleQuotes(String[] lines) {
        String[] out = lines;
        for (int i = 0; i < lines.length; i++) {
            if (!QuoteHeaders.isAttribution(lines[i]) || !tabIndentedBelow(lines, i)) {
                continue;
            }
            int j = i + 1;
            for (; j < lines.length && (lines[j].isBlank() || lines[j].startsWith("\t")); j++) {
                if (lines[j].startsWith("\t")) {
                    out = out == lines ? lines.clone() : out;
                    out[j] = ">" + (lines[j].length() > 1 ? " " + lines[j].substring(1) : "");
                }
            }
            i = j - 1;
        }
        return out;
    }

    /** The first line with text below {@code i} (within a few lines) begins with a tab. */
    private static boolean tabIndentedBelow(String[] lines, int i) {
        for (int j = i + 1; j < Math.min(lines.length, i + 1 + NEXT_LINE_REACH); j++) {
            if (!lines[j].isBlank()) {
                return lines[j].startsWith("\t");
            }
        }
        return false;
    }
}
