package org.postdesk.store;

/** A mailbox with this name already exists; names are unique so the CLI can address mailboxes by name. */
public class DuplicateMailboxException extends RuntimeException {
    private final String name;

    public DuplicateMailboxException(String name) {
        super("mailbox " + name + " already exists (see postdesk mailbox show " + name + ")");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
