package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.ATTACHMENT;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.MESSAGE_RAW_CHUNK;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Messages in and out, and their attachments. Construct it over the transaction's context. */
public final class MessageRepository {
    private final DSLContext dsl;

    /** {@link TransactionMemo} key prefix: whether a dedupe key is taken, as this transaction last saw or made it. */
    private static final String KEY_TAKEN = "postdesk.dedupe-key-taken:";

    public MessageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Stores the message; empty when a message with the same dedupe key is already there. On
     * PostgreSQL that failed insert spoils the transaction, so the caller must roll back when empty.
     * (A plain insert, not {@code onConflictDoNothing()}: H2's MERGE emulation casts to BLOB, which H2
     * rejects in PostgreSQL mode.)
     */
    public OptionalLong insert(NewMessage m) {
        try {
            long id = insertRow(m);
            if (m.dedupeKey() != null) {
                TransactionMemo.remember(dsl, KEY_TAKEN + m.dedupeKey(), Boolean.TRUE);
            }
            return OptionalLong.of(id);
        } catch (IntegrityConstraintViolationException e) {
            // Both databases name the violated constraint; any other violation is a real error.
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("message_dedupe_uq")) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /**
     * Stores outgoing mail (no source kept, so no chunks) with one multi-row INSERT: a team notice's copies were a
     * statement per agent. As with {@link #insert}, one whose dedupe key is taken is skipped; when one is, the rows are
     * stored one by one, so the others still are (on PostgreSQL the failed insert spoils the transaction, as there).
     */
    public void insertOutbound(List<NewMessage> messages) {
        if (messages.size() <= 1) {
            messages.forEach(this::insert);
            return;
        }
        var insert = dsl.insertInto(MESSAGE, MESSAGE.TICKET_ID, MESSAGE.MAILBOX_ID, MESSAGE.DIRECTION, MESSAGE.KIND,
                MESSAGE.DEDUPE_KEY, MESSAGE.MESSAGE_ID, MESSAGE.IN_REPLY_TO, MESSAGE.REFS, MESSAGE.FROM_ADDR,
                MESSAGE.FROM_NAME, MESSAGE.TO_ADDRS, MESSAGE.CC_ADDRS, MESSAGE.SUBJECT, MESSAGE.SENT_AT, MESSAGE.STORED_AT,
                MESSAGE.BODY_TEXT, MESSAGE.BODY_HTML);
        for (NewMessage m : messages) {
            if (m.raw() != null || m.rawStream() != null) {
                throw new IllegalArgumentException("message " + m.messageId() + ": outgoing mail is stored without its source");
            }
            insert = insert.values(m.ticketId(), m.mailboxId(), m.direction().name(), m.kind(), m.dedupeKey(),
                    m.messageId(), m.inReplyTo(), m.refs(), m.fromAddr(), m.fromName(), m.toAddrs(), m.ccAddrs(),
                    m.subject(), toDb(m.sentAt()), toDb(m.storedAt()), m.bodyText(), m.bodyHtml());
        }
        try {
            insert.execute();
        } catch (IntegrityConstraintViolationException e) {
            if (!String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("message_dedupe_uq")) {
                throw e;
            }
            messages.forEach(this::insert);
            return;
        }
        messages.stream().filter(m -> m.dedupeKey() != null)
                .forEach(m -> TransactionMemo.remember(dsl, KEY_TAKEN + m.dedupeKey(), Boolean.TRUE));
    }

    private long insertRow(NewMessage m) {
        if (m.rawStream() != null && m.rawStream().length() <= ContentChunks.CHUNK) {
            return insertRow(withRaw(m, ContentChunks.small(m.rawStream())));
        }
        boolean streamed = m.rawStream() != null;
        boolean chunked = streamed || ContentChunks.chunked(m.raw());
        long id = dsl.insertInto(MESSAGE)
                .set(MESSAGE.TICKET_ID, m.ticketId()).set(MESSAGE.MAILBOX_ID, m.mailboxId())
                .set(MESSAGE.DIRECTION, m.direction().name()).set(MESSAGE.KIND, m.kind())
                .set(MESSAGE.DEDUPE_KEY, m.dedupeKey()).set(MESSAGE.MESSAGE_ID, m.messageId())
                .set(MESSAGE.IN_REPLY_TO, m.inReplyTo()).set(MESSAGE.REFS, m.refs())
                .set(MESSAGE.FROM_ADDR, m.fromAddr()).set(MESSAGE.FROM_NAME, m.fromName())
                .set(MESSAGE.TO_ADDRS, m.toAddrs()).set(MESSAGE.CC_ADDRS, m.ccAddrs())
                .set(MESSAGE.SUBJECT, m.subject()).set(MESSAGE.SENT_AT, toDb(m.sentAt()))
                .set(MESSAGE.STORED_AT, toDb(m.storedAt())).set(MESSAGE.BODY_TEXT, m.bodyText())
                .set(MESSAGE.BODY_HTML, m.bodyHtml()).set(MESSAGE.RAW, chunked ? null : m.raw())
                .set(MESSAGE.PARSE_NOTE, m.parseNote()).set(MESSAGE.IMAP_UID, m.imapUid())
                .set(MESSAGE.CONTENT_FINGERPRINT, m.contentFingerprint())
                .returningResult(MESSAGE.ID)
                .fetchOne(MESSAGE.ID);
        if (streamed) {
            new ContentChunks(dsl).writeRaw(id, m.rawStream());
        } else if (chunked) {
            new ContentChunks(dsl).writeRaw(id, m.raw());
        }
        return id;
    }

    private static NewMessage withRaw(NewMessage m, byte[] raw) {
        return new NewMessage(m.ticketId(), m.mailboxId(), m.direction(), m.kind(), m.dedupeKey(), m.messageId(),
                m.inReplyTo(), m.refs(), m.fromAddr(), m.fromName(), m.toAddrs(), m.ccAddrs(), m.subject(), m.sentAt(),
                m.storedAt(), m.bodyText(), m.bodyHtml(), raw, m.parseNote(), m.imapUid(), m.contentFingerprint());
    }

    /** Stores an attachment: in its row up to 1 MiB, else streamed into chunks ({@link ContentChunks}). */
    public void insertAttachment(long messageId, StoredAttachment a) {
        StreamedValue content = a.content();
        boolean chunked = content != null && content.length() > ContentChunks.CHUNK;
        long id = dsl.insertInto(ATTACHMENT)
                .set(ATTACHMENT.MESSAGE_ID, messageId).set(ATTACHMENT.FILENAME, a.filename())
                .set(ATTACHMENT.CONTENT_TYPE, a.contentType()).set(ATTACHMENT.SIZE_BYTES, a.size())
                .set(ATTACHMENT.CONTENT, content == null || chunked ? null : ContentChunks.small(content))
                .set(ATTACHMENT.DROPPED_REASON, a.droppedReason())
                .set(ATTACHMENT.ORIGINAL_FILENAME, a.originalFilename())
                .returningResult(ATTACHMENT.ID).fetchOne(ATTACHMENT.ID);
        if (chunked) {
            new ContentChunks(dsl).writeAttachment(id, content);
        }
    }

    /**
     * The content fingerprints of every message stored or sent with this Message-ID, null for those that
     * have none (outbound mail, rows older than the fingerprint); empty when the id is new. A row whose
     * Message-ID and dedupe key are both this id is listed twice.
     */
    public List<String> fingerprintsOf(String messageId) {
        return usesOf(messageId).fingerprints();
    }

    /**
     * What the store holds under {@code messageId}: the content fingerprints of the messages with that Message-ID or
     * that dedupe key, and whether a message has it as its dedupe key. The duplicate check asks this first; storing
     * the message then asks {@link #existsDedupeKey} about the same key, which this answer also gives, so it is kept
     * for the rest of the transaction (a statement fewer per message).
     */
    public IdUses usesOf(String messageId) {
        // Two index lookups, not "message_id = ? or dedupe_key = ?": H2 plans that OR over two columns as a
        // scan of the whole message table, on every message ingested (a third of the drain's CPU at 5,000 rows).
        Field<Integer> byId = DSL.inline(0).as("by_key");
        Field<Integer> byKey = DSL.inline(1).as("by_key");
        // The union is selected from as a derived table: H2 keeps a parsed SELECT for the next message, never a bare
        // UNION, which it parsed and planned again on every message (3 % of the drain's CPU, issue 16).
        Table<Record2<String, Integer>> uses = dsl.select(MESSAGE.CONTENT_FINGERPRINT, byId).from(MESSAGE)
                .where(MESSAGE.MESSAGE_ID.eq(messageId))
                .unionAll(dsl.select(MESSAGE.CONTENT_FINGERPRINT, byKey).from(MESSAGE)
                        .where(MESSAGE.DEDUPE_KEY.eq(messageId)))
                .asTable("uses");
        List<Record2<String, Integer>> rows = dsl.select(uses.field(MESSAGE.CONTENT_FINGERPRINT),
                uses.field(byKey)).from(uses).fetch();
        boolean taken = rows.stream().anyMatch(r -> r.value2() == 1);
        TransactionMemo.remember(dsl, KEY_TAKEN + messageId, taken);
        return new IdUses(rows.stream().map(Record2::value1).toList(), taken);
    }

    /**
     * The answer of {@link #usesOf}: {@code fingerprints} of every message under the Message-ID (null for a message
     * stored without one), and whether one of them has it as its dedupe key.
     */
    public record IdUses(List<String> fingerprints, boolean keyTaken) {
        public IdUses {
            fingerprints = fingerprints.stream().toList(); // unmodifiable; keeps the nulls List.copyOf refuses
        }
    }

    /** Whether a message has {@code dedupeKey}; answered from memory when this transaction already asked or wrote it. */
    public boolean existsDedupeKey(String dedupeKey) {
        Boolean known = TransactionMemo.known(dsl, KEY_TAKEN + dedupeKey);
        return known != null ? known : dsl.fetchExists(MESSAGE, MESSAGE.DEDUPE_KEY.eq(dedupeKey));
    }

    /** Whether a message with this dedupe key has this content fingerprint: the very same message, not a reused id. */
    public boolean existsWithContent(String dedupeKey, String contentFingerprint) {
        return dsl.fetchExists(MESSAGE, MESSAGE.DEDUPE_KEY.eq(dedupeKey)
                .and(MESSAGE.CONTENT_FINGERPRINT.eq(contentFingerprint)));
    }

    /** The message we sent with this Message-ID, if any. */
    public Optional<MessageRow> outbound(String messageId) {
        return dsl.select(MESSAGE.fields()).from(MESSAGE)
                .where(MESSAGE.MESSAGE_ID.eq(messageId).and(MESSAGE.DIRECTION.eq(NewMessage.Direction.OUT.name())))
                .orderBy(MESSAGE.ID).limit(1).fetchOptional(MessageRepository::toRow);
    }

    public List<MessageRow> byTicket(long ticketId) {
        return dsl.select(MESSAGE.fields()).from(MESSAGE).where(MESSAGE.TICKET_ID.eq(ticketId))
                .orderBy(MESSAGE.ID).fetch(MessageRepository::toRow);
    }

    public Optional<byte[]> raw(long messageId) {
        Optional<org.jooq.Record1<byte[]>> row = dsl.select(MESSAGE.RAW).from(MESSAGE).where(MESSAGE.ID.eq(messageId))
                .fetchOptional();
        return row.map(r -> r.value1() != null ? r.value1() : new ContentChunks(dsl).raw(messageId));
    }

    /** The ids of the ticket's messages whose original source is stored (in the row or in chunks), not loaded. */
    public Set<Long> withSource(long ticketId) {
        Set<Long> ids = new HashSet<>(dsl.select(MESSAGE.ID).from(MESSAGE)
                .where(MESSAGE.TICKET_ID.eq(ticketId).and(MESSAGE.RAW.isNotNull())).fetch(MESSAGE.ID));
        ids.addAll(dsl.selectDistinct(MESSAGE_RAW_CHUNK.MESSAGE_ID).from(MESSAGE_RAW_CHUNK).join(MESSAGE)
                .on(MESSAGE.ID.eq(MESSAGE_RAW_CHUNK.MESSAGE_ID)).where(MESSAGE.TICKET_ID.eq(ticketId))
                .fetch(MESSAGE_RAW_CHUNK.MESSAGE_ID));
        return ids;
    }

    public List<AttachmentRow> attachmentsOfTicket(long ticketId) {
        return dsl.select(ATTACHMENT.ID, ATTACHMENT.MESSAGE_ID, ATTACHMENT.FILENAME, ATTACHMENT.CONTENT_TYPE,
                        ATTACHMENT.SIZE_BYTES, ATTACHMENT.DROPPED_REASON)
                .from(ATTACHMENT).join(MESSAGE).on(MESSAGE.ID.eq(ATTACHMENT.MESSAGE_ID))
                .where(MESSAGE.TICKET_ID.eq(ticketId)).orderBy(ATTACHMENT.ID)
                .fetch(r -> new AttachmentRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The attachments of one message, content not loaded, in the order they were stored. */
    public List<AttachmentRow> attachmentsOf(long messageId) {
        return dsl.select(ATTACHMENT.ID, ATTACHMENT.MESSAGE_ID, ATTACHMENT.FILENAME, ATTACHMENT.CONTENT_TYPE,
                        ATTACHMENT.SIZE_BYTES, ATTACHMENT.DROPPED_REASON)
                .from(ATTACHMENT).where(ATTACHMENT.MESSAGE_ID.eq(messageId)).orderBy(ATTACHMENT.ID)
                .fetch(r -> new AttachmentRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    public int count() {
        return dsl.fetchCount(MESSAGE);
    }

    private static MessageRow toRow(Record r) {
        return new MessageRow(r.get(MESSAGE.ID), r.get(MESSAGE.TICKET_ID),
                NewMessage.Direction.valueOf(r.get(MESSAGE.DIRECTION)), r.get(MESSAGE.KIND),
                r.get(MESSAGE.MESSAGE_ID), r.get(MESSAGE.IN_REPLY_TO), r.get(MESSAGE.REFS), r.get(MESSAGE.FROM_ADDR),
                r.get(MESSAGE.FROM_NAME), r.get(MESSAGE.TO_ADDRS), r.get(MESSAGE.CC_ADDRS), r.get(MESSAGE.SUBJECT),
                fromDb(r.get(MESSAGE.SENT_AT)), fromDb(r.get(MESSAGE.STORED_AT)), r.get(MESSAGE.BODY_TEXT),
                r.get(MESSAGE.PARSE_NOTE));
    }
}
