package org.postdesk.app;

import org.postdesk.app.sender.ProvenParts;

/** Where in a mail an agent's reply token was found: a sender proof counts only where it covers that place. */
enum TokenPlace {
    IN_REPLY_TO("In-Reply-To"),
    REFERENCES("References"),
    BODY("text");

    private final String field;

    TokenPlace(String field) {
        this.field = field;
    }

    boolean coveredBy(ProvenParts parts) {
        return this == BODY ? parts.coversBody() : parts.coversHeader(field);
    }

    /** "the In-Reply-To field" or "the text", for the audit. */
    String describe() {
        return this == BODY ? "the text" : "the " + field + " field";
    }
}
