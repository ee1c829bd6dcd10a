package org.postdesk.mail;

import java.util.List;

/** The header block put above a forwarded message's text, as mail clients show it. */
final class ForwardHeader {

    private ForwardHeader() {
    }

    static String of(HeaderFields headers, List<String> notes) {
        StringBuilder block = new StringBuilder("---------- Forwarded message ----------\n");
        for (String name : List.of("From", "Date", "Subject", "To")) {
            String value = HeaderText.decode(name, headers.first(name), notes);
            if (value != null && !value.isEmpty()) {
                block.append(name).append(": ").append(value).append('\n');
            }
        }
        return block.append('\n').toString();
    }
}
