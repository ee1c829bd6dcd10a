package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.MAILBOX_STATE;
import static org.postdesk.store.db.Tables.OUTBOX;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.postdesk.store.db.tables.records.MailboxRecord;
import org.postdesk.store.db.tables.records.MailboxStateRecord;

/**
 * Mailboxes and their worker state. Construct it over any context — the shared one, or a
 * transaction's {@code tx.dsl()} so a cursor moves in the same commit as the message it covers.
 */
public final class MailboxRepository {
    /** The state a failing worker reports. */
    public static final String ERROR = "ERROR";

    private final DSLContext dsl;

    public MailboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores a new mailbox with a fresh state row; throws {@link DuplicateMailboxException} when the name is taken. */
    public Mailbox add(NewMailbox m) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // onConflictDoNothing, not catching the violation: a failed INSERT would abort a PostgreSQL transaction.
            Long id = tx.insertInto(MAILBOX)
                    .set(MAILBOX.NAME, m.name()).set(MAILBOX.ADDRESS, m.address())
                    .set(MAILBOX.IMAP_URL, m.imapUrl()).set(MAILBOX.SMTP_URL, m.smtpUrl())
                    .set(MAILBOX.PASSWORD_ENC, m.passwordEnc()).set(MAILBOX.SMTP_PASSWORD_ENC, m.smtpPasswordEnc())
                    .set(MAILBOX.TRUST_STORE, m.trustStore()).set(MAILBOX.TRUST_ALL, m.trustAll())
                    .set(MAILBOX.MOVE_TO, m.moveTo()).set(MAILBOX.TAG_LABEL, m.tagLabel())
                    .set(MAILBOX.LOCALE, m.locale())
                    .onConflictDoNothing()
                    .returningResult(MAILBOX.ID)
                    .fetchOptional(MAILBOX.ID)
                    .orElseThrow(() -> new DuplicateMailboxException(m.name()));
            tx.insertInto(MAILBOX_STATE).set(MAILBOX_STATE.MAILBOX_ID, id).execute();
            return new MailboxRepository(tx).byId(id).orElseThrow();
        });
    }

    /**
     * Writes every setting of mailbox {@code id} but its name and address (which threading and the
     * tickets hang on); a running daemon sees the change and restarts the mailbox's worker.
     */
    public void update(long id, NewMailbox m) {
        dsl.update(MAILBOX)
                .set(MAILBOX.IMAP_URL, m.imapUrl()).set(MAILBOX.SMTP_URL, m.smtpUrl())
                .set(MAILBOX.PASSWORD_ENC, m.passwordEnc()).set(MAILBOX.SMTP_PASSWORD_ENC, m.smtpPasswordEnc())
                .set(MAILBOX.TRUST_STORE, m.trustStore()).set(MAILBOX.TRUST_ALL, m.trustAll())
                .set(MAILBOX.MOVE_TO, m.moveTo()).set(MAILBOX.TAG_LABEL, m.tagLabel())
                .set(MAILBOX.LOCALE, m.locale())
                .where(MAILBOX.ID.eq(id)).execute();
    }

    // The lookups below answer from the daemon's ConfigCache while config_generation stands (issue 16).

    public List<Mailbox> list() {
        ConfigSnapshot s = ConfigCache.current(dsl);
        return s != null ? s.mailboxesByName() : select(DSL.trueCondition());
    }

    public List<Mailbox> listEnabled() {
        ConfigSnapshot s = ConfigCache.current(dsl);
        return s != null ? s.mailboxesByName().stream().filter(Mailbox::enabled).toList()
                : select(MAILBOX.ENABLED.isTrue());
    }

    public Optional<Mailbox> byName(String name) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        return s != null ? s.mailboxesByName().stream().filter(m -> m.name().equals(name)).findFirst()
                : select(MAILBOX.NAME.eq(name)).stream().findFirst();
    }

    public Optional<Mailbox> byId(long id) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        return s != null ? s.mailbox(id) : select(MAILBOX.ID.eq(id)).stream().findFirst();
    }

    private List<Mailbox> select(Condition where) {
        return dsl.selectFrom(MAILBOX).where(where).orderBy(MAILBOX.NAME).fetch(MailboxRepository::toMailbox);
    }

    /** Deletes a mailbox nothing refers to; one with tickets or outbox rows is kept ({@link MailboxRemoval#IN_USE}). */
    public MailboxRemoval remove(String name) {
        Optional<Mailbox> found = byName(name);
        if (found.isEmpty()) {
            return MailboxRemoval.NOT_FOUND;
        }
        long id = found.get().id();
        if (dsl.fetchExists(TICKET, TICKET.MAILBOX_ID.eq(id)) || dsl.fetchExists(OUTBOX, OUTBOX.MAILBOX_ID.eq(id))) {
            return MailboxRemoval.IN_USE;
        }
        try {
            return dsl.deleteFrom(MAILBOX).where(MAILBOX.ID.eq(id)).execute() == 1
                    ? MailboxRemoval.REMOVED : MailboxRemoval.NOT_FOUND;
        } catch (IntegrityConstraintViolationException e) {
            return MailboxRemoval.IN_USE; // a ticket arrived between the check and the delete
        }
    }

    /** @return false when no mailbox has this name */
    public boolean setEnabled(String name, boolean enabled) {
        return dsl.update(MAILBOX).set(MAILBOX.ENABLED, enabled).where(MAILBOX.NAME.eq(name)).execute() == 1;
    }

    /** How the mailbox treats an agent reply whose sender is not proven: strict, confirm or token-only (issue 9). */
    public String agentSenderCheck(long mailboxId) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            MailboxRecord r = s.mailboxRows().get(mailboxId);
            return r == null ? "confirm" : r.getAgentSenderCheck();
        }
        return dsl.select(MAILBOX.AGENT_SENDER_CHECK).from(MAILBOX).where(MAILBOX.ID.eq(mailboxId))
                .fetchOptional(MAILBOX.AGENT_SENDER_CHECK).orElse("confirm");
    }

    /** Sets the agent sender check of mailbox {@code mailboxId}; false when there is no such mailbox. */
    public boolean setAgentSenderCheck(long mailboxId, String check) {
        return dsl.update(MAILBOX).set(MAILBOX.AGENT_SENDER_CHECK, check).where(MAILBOX.ID.eq(mailboxId)).execute() == 1;
    }

    /** The stored state, or {@link MailboxState#fresh} when no worker reported yet. */
    public MailboxState state(long mailboxId) {
        return dsl.selectFrom(MAILBOX_STATE).where(MAILBOX_STATE.MAILBOX_ID.eq(mailboxId))
                .fetchOptional(MailboxRepository::toState)
                .orElseGet(() -> MailboxState.fresh(mailboxId));
    }

    /** Moves the IMAP cursor; call it with the transaction's context that stored the message at {@code lastUid}. */
    public void saveCursor(long mailboxId, long uidValidity, long lastUid) {
        // Called once per stored message: one UPDATE in the usual case, the insert only the first time.
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = dsl.update(MAILBOX_STATE)
                    .set(MAILBOX_STATE.UID_VALIDITY, uidValidity)
                    .set(MAILBOX_STATE.LAST_UID, lastUid)
                    .where(MAILBOX_STATE.MAILBOX_ID.eq(mailboxId))
                    .execute();
            if (updated > 0) {
                return;
            }
            ensureStateRow(mailboxId);
        }
    }

    /** Records the worker's health; a report without error also stamps {@code lastOkAt}. */
    public void reportState(long mailboxId, String state, String errorOrNull, Instant at) {
        ensureStateRow(mailboxId);
        var update = dsl.update(MAILBOX_STATE)
                .set(MAILBOX_STATE.STATE, state)
                .set(MAILBOX_STATE.LAST_ERROR, errorOrNull)
                .set(MAILBOX_STATE.UPDATED_AT, toDb(at));
        if (errorOrNull == null) {
            update = update.set(MAILBOX_STATE.LAST_OK_AT, toDb(at));
        }
        // The health check needs how long the mailbox has been failing, not when it last retried.
        update = ERROR.equals(state)
                ? update.set(MAILBOX_STATE.ERROR_SINCE, DSL.coalesce(MAILBOX_STATE.ERROR_SINCE, DSL.val(toDb(at))))
                : update.setNull(MAILBOX_STATE.ERROR_SINCE);
        update.where(MAILBOX_STATE.MAILBOX_ID.eq(mailboxId)).execute();
    }

    /** Mailboxes added before the state row existed, or by hand, get one; portable instead of an upsert. */
    private void ensureStateRow(long mailboxId) {
        dsl.insertInto(MAILBOX_STATE).set(MAILBOX_STATE.MAILBOX_ID, mailboxId).onConflictDoNothing().execute();
    }

    public List<MailboxStatusRow> listWithState() {
        return dsl.select(MAILBOX.asterisk(), MAILBOX_STATE.asterisk())
                .from(MAILBOX).leftJoin(MAILBOX_STATE).on(MAILBOX_STATE.MAILBOX_ID.eq(MAILBOX.ID))
                .orderBy(MAILBOX.NAME)
                .fetch(MailboxRepository::toStatusRow);
    }

    private static MailboxStatusRow toStatusRow(Record r) {
        Mailbox m = toMailbox(r.into(MAILBOX));
        MailboxStateRecord s = r.into(MAILBOX_STATE);
        return new MailboxStatusRow(m, s.getMailboxId() == null ? MailboxState.fresh(m.id()) : toState(s));
    }

    static Mailbox toMailbox(MailboxRecord r) {
        return new Mailbox(r.getId(), r.getName(), r.getAddress(), r.getImapUrl(), r.getSmtpUrl(),
                r.getPasswordEnc(), r.getSmtpPasswordEnc(), r.getTrustStore(), r.getTrustAll(), r.getMoveTo(),
                r.getTagLabel(), r.getLocale(), r.getEnabled(), fromDb(r.getCreatedAt()));
    }

    private static MailboxState toState(MailboxStateRecord r) {
        return new MailboxState(r.getMailboxId(), r.getUidValidity(), r.getLastUid(), r.getState(),
                r.getLastError(), fromDb(r.getLastOkAt()), fromDb(r.getUpdatedAt()), fromDb(r.getErrorSince()));
    }
}
