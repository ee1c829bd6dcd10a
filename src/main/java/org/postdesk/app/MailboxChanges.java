package org.postdesk.app;

import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.postdesk.app.sender.SenderCheck;
import org.postdesk.config.MailboxUrl;
import org.postdesk.store.DuplicateMailboxException;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRemoval;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;

/**
 * The admin's mailbox use cases ({@code postdesk mailbox add|set|enable|disable|remove}) in the caller's
 * transaction, and the rules a mailbox's settings follow, shared with {@code mailbox add}. Each returns
 * the line to show; a refusal says what to do instead.
 */
public final class MailboxChanges {
    /** Locales with shipped templates. */
    public static final Set<String> LOCALES = Set.of("en", "ru", "uk");

    /**
     * New settings; a null field keeps the stored value. Passwords come encrypted. {@code moveTo} "" means
     * mark stored messages seen instead of moving them; {@code trustStore} "" means the JDK's CAs again.
     */
    public record Change(String imapUrl, String smtpUrl, String passwordEnc, String smtpPasswordEnc, String label,
                         String locale, String moveTo, String trustStore, Boolean trustAll) {
        public boolean isEmpty() {
            return imapUrl == null && smtpUrl == null && passwordEnc == null && smtpPasswordEnc == null
                    && label == null && locale == null && moveTo == null && trustStore == null && trustAll == null;
        }
    }

    public String set(DSLContext tx, String name, Change c) {
        if (c.isEmpty()) {
            throw new RefusedException("nothing to change: give at least one option (see: postdesk mailbox set --help)");
        }
        MailboxRepository repo = new MailboxRepository(tx);
        Mailbox m = find(repo, name);
        String trustStore = c.trustStore() == null ? m.trustStore() : c.trustStore().isEmpty() ? null : c.trustStore();
        boolean trustAll = c.trustAll() == null ? m.trustAll() && c.trustStore() == null : c.trustAll();
        if (trustStore != null && trustAll) {
            throw new RefusedException("mailbox " + name + ": a trust store and trusting any certificate exclude each"
                    + " other: choose one");
        }
        NewMailbox next = new NewMailbox(m.name(), m.address(), or(c.imapUrl(), m.imapUrl()), or(c.smtpUrl(), m.smtpUrl()),
                or(c.passwordEnc(), m.passwordEnc()), or(c.smtpPasswordEnc(), m.smtpPasswordEnc()), trustStore, trustAll,
                c.moveTo() == null ? m.moveTo() : c.moveTo().isEmpty() ? null : checkMoveTo(c.moveTo()),
                c.label() == null ? m.tagLabel() : checkLabel(c.label()),
                c.locale() == null ? m.locale() : checkLocale(c.locale()));
        repo.update(m.id(), next);
        return "mailbox " + name + " changed; a running daemon picks it up within seconds (check it with: postdesk"
                + " mailbox test " + name + ")";
    }

    /** What {@code token-only} means, wherever it is shown. */
    public static final String TOKEN_ONLY_WARNING = "WARNING: agent replies are trusted on their reply token alone"
            + " (--agent-sender-check token-only): anybody holding a notification can act as the agent.";

    /** Adds a mailbox whose settings the caller has checked (passwords come encrypted) with its sender check. */
    public Mailbox add(DSLContext tx, NewMailbox mailbox, SenderCheck senderCheck) {
        MailboxRepository repo = new MailboxRepository(tx);
        if (repo.byName(mailbox.name()).isPresent()) {
            throw new RefusedException("mailbox " + mailbox.name() + " already exists (see: postdesk mailbox show "
                    + mailbox.name() + ")");
        }
        try {
            Mailbox added = repo.add(mailbox);
            repo.setAgentSenderCheck(added.id(), senderCheck.option());
            return added;
        } catch (DuplicateMailboxException e) {
            throw new RefusedException(e.getMessage());
        }
    }

    /** {@code --agent-sender-check}: how far an agent's reply must prove its sender, in the caller's transaction. */
    public String setSenderCheck(DSLContext tx, String name, SenderCheck check) {
        MailboxRepository repo = new MailboxRepository(tx);
        repo.setAgentSenderCheck(find(repo, name).id(), check.option());
        return "agent sender check: " + check.option() + (check == SenderCheck.TOKEN_ONLY ? "\n" + TOKEN_ONLY_WARNING : "");
    }

    /**
     * As {@code mailbox add}: an SMTP password needs a user in the SMTP URL, {@code newSmtp} when it is being
     * changed, else the stored one.
     */
    public void refuseSmtpPasswordWithoutUser(DSLContext tx, String name, MailboxUrl newSmtp) {
        MailboxUrl url = newSmtp != null ? newSmtp : MailboxUrl.parseSmtp(find(new MailboxRepository(tx), name).smtpUrl());
        if (!url.hasUser()) {
            throw new RefusedException("--smtp-password-* given, but the SMTP URL " + url + " of mailbox " + name
                    + " has no user to log in with: give --smtp smtp://USER@HOST (write '@' in the user as %40)");
        }
    }

    public String setEnabled(DSLContext tx, String name, boolean enabled) {
        if (!new MailboxRepository(tx).setEnabled(name, enabled)) {
            throw notFound(name);
        }
        return "mailbox " + name + (enabled ? " enabled" : " disabled");
    }

    /** Removes a mailbox without tickets or queued mail; one with them can only be disabled. */
    public String remove(DSLContext tx, String name) {
        MailboxRemoval result = new MailboxRepository(tx).remove(name);
        if (result == MailboxRemoval.NOT_FOUND) {
            throw notFound(name);
        }
        if (result == MailboxRemoval.IN_USE) {
            throw new RefusedException("mailbox " + name + " has tickets or queued mail, so it is kept;"
                    + " stop watching it with: postdesk mailbox disable " + name);
        }
        return "mailbox " + name + " removed";
    }

    /** The mailbox named {@code name}, or a refusal that says how to list them. */
    public static Mailbox find(MailboxRepository repo, String name) {
        return repo.byName(name).orElseThrow(() -> notFound(name));
    }

    public static RefusedException notFound(String name) {
        return new RefusedException("no mailbox named " + name + " (see: postdesk mailbox list)");
    }

    /** The label of the subject tag {@code [label #1234]}; defaults to the name, capitalised. */
    public static String labelFor(String name, String labelOrNull) {
        return checkLabel(labelOrNull != null ? labelOrNull
                : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
    }

    public static String checkLabel(String label) {
        String tag = label.strip();
        if (!tag.matches("[^\\[\\]#]{1,64}")) {
            throw new RefusedException("--label '" + tag + "': 1 to 64 characters without '[', ']' or '#'");
        }
        return tag;
    }

    public static String checkLocale(String locale) {
        if (!LOCALES.contains(locale)) {
            throw new RefusedException("--locale " + locale + ": expected one of en, ru, uk");
        }
        return locale;
    }

    public static String checkMoveTo(String moveTo) {
        if (moveTo.isBlank()) {
            throw new RefusedException("--move-to is empty: give a folder name, or leave it out to mark messages seen");
        }
        return moveTo;
    }

    private static String or(String value, String kept) {
        return value != null ? value : kept;
    }
}
