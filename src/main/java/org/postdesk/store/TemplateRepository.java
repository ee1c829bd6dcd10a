package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.TEMPLATE;
import static org.postdesk.store.db.Tables.TEMPLATE_VERSION;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Templates and canned answers with every version. Versions of one (name, locale) are numbered 1, 2, …
 * under a row lock, so two admins saving at once get two versions, never a lost update. Construct it
 * over the transaction's context when several calls must agree.
 */
public final class TemplateRepository {
    /** The key of {@link #changeMarkOfThisTransaction()} in a transaction's {@link TransactionMemo}. */
    private static final String CHANGE_MARK = "postdesk.template-change-mark";
    private final DSLContext dsl;

    public TemplateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores {@code v} as the next version of its (name, locale); returns the version number. */
    public int addVersion(NewTemplateVersion v) {
        long id = handle(v.name(), v.locale());
        int latest = dsl.select(TEMPLATE.LATEST_VERSION).from(TEMPLATE).where(TEMPLATE.ID.eq(id)).forUpdate()
                .fetchSingle(TEMPLATE.LATEST_VERSION);
        int next = latest + 1;
        insertVersion(id, next, v);
        dsl.update(TEMPLATE).set(TEMPLATE.LATEST_VERSION, next).where(TEMPLATE.ID.eq(id)).execute();
        return next;
    }

    /**
     * Stores {@code v} as version 1 if its (name, locale) has never been stored; false if it has. Several
     * daemons seeding at once store it once: only the one whose insert of the handle wins goes on.
     */
    public boolean seed(NewTemplateVersion v) {
        Optional<Long> created;
        try {
            created = dsl.insertInto(TEMPLATE)
                    .set(TEMPLATE.NAME, v.name()).set(TEMPLATE.LOCALE, v.locale()).set(TEMPLATE.LATEST_VERSION, 1)
                    .onConflictDoNothing()
                    .returningResult(TEMPLATE.ID)
                    .fetchOptional(TEMPLATE.ID);
        } catch (IntegrityConstraintViolationException e) {
            created = Optional.empty(); // H2's MERGE emulation: the other transaction's row won the race
        }
        created.ifPresent(id -> insertVersion(id, 1, v));
        return created.isPresent();
    }

    /** The current (highest) version of every template, by name and locale. */
    public List<TemplateVersionRow> allCurrent() {
        return selectVersions(TEMPLATE_VERSION.VERSION.eq(TEMPLATE.LATEST_VERSION))
                .orderBy(TEMPLATE.NAME, TEMPLATE.LOCALE).fetch(TemplateRepository::toRow);
    }

    public Optional<TemplateVersionRow> current(String name, String locale) {
        return selectVersions(TEMPLATE.NAME.eq(name).and(TEMPLATE.LOCALE.eq(locale))
                .and(TEMPLATE_VERSION.VERSION.eq(TEMPLATE.LATEST_VERSION))).fetchOptional(TemplateRepository::toRow);
    }

    public Optional<TemplateVersionRow> version(String name, String locale, int version) {
        return selectVersions(TEMPLATE.NAME.eq(name).and(TEMPLATE.LOCALE.eq(locale))
                .and(TEMPLATE_VERSION.VERSION.eq(version))).fetchOptional(TemplateRepository::toRow);
    }

    /** Every version of (name, locale), newest first. */
    public List<TemplateVersionRow> versions(String name, String locale) {
        return selectVersions(TEMPLATE.NAME.eq(name).and(TEMPLATE.LOCALE.eq(locale)))
                .orderBy(TEMPLATE_VERSION.VERSION.desc()).fetch(TemplateRepository::toRow);
    }

    /** Every version of {@code name} in every locale, by locale, newest first. */
    public List<TemplateVersionRow> history(String name) {
        return selectVersions(TEMPLATE.NAME.eq(name))
                .orderBy(TEMPLATE.LOCALE, TEMPLATE_VERSION.VERSION.desc()).fetch(TemplateRepository::toRow);
    }

    /** Grows whenever any version is stored (ids only grow): a cheap "did anything change?" for caches. */
    /**
     * {@link #changeMark()} read at most once per transaction (forgotten when the transaction stores a version):
     * each template rendered while storing one message asked again, 2.7 times a message with two agents.
     */
    public long changeMarkOfThisTransaction() {
        return TransactionMemo.once(dsl, CHANGE_MARK, this::changeMark);
    }

    public long changeMark() {
        Long max = dsl.select(DSL.max(TEMPLATE_VERSION.ID)).from(TEMPLATE_VERSION).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    private long handle(String name, String locale) {
        try {
            dsl.insertInto(TEMPLATE).set(TEMPLATE.NAME, name).set(TEMPLATE.LOCALE, locale)
                    .onConflictDoNothing().execute();
        } catch (IntegrityConstraintViolationException e) {
            // H2 emulates ON CONFLICT with MERGE, which can still clash with a concurrent insert: the row
            // exists now, which is all this needs (PostgreSQL never gets here).
        }
        return dsl.select(TEMPLATE.ID).from(TEMPLATE).where(TEMPLATE.NAME.eq(name).and(TEMPLATE.LOCALE.eq(locale)))
                .fetchSingle(TEMPLATE.ID);
    }

    private void insertVersion(long templateId, int version, NewTemplateVersion v) {
        TransactionMemo.forget(dsl, CHANGE_MARK);
        dsl.insertInto(TEMPLATE_VERSION)
                .set(TEMPLATE_VERSION.TEMPLATE_ID, templateId).set(TEMPLATE_VERSION.VERSION, version)
                .set(TEMPLATE_VERSION.TEXT_BODY, v.text()).set(TEMPLATE_VERSION.HTML_BODY, v.html())
                .set(TEMPLATE_VERSION.SOURCE, v.source()).set(TEMPLATE_VERSION.NOTE, v.note())
                .set(TEMPLATE_VERSION.AUTHOR, v.author()).set(TEMPLATE_VERSION.CREATED_AT, toDb(v.at()))
                .execute();
    }

    private org.jooq.SelectConditionStep<Record> selectVersions(Condition where) {
        return dsl.select(TEMPLATE_VERSION.fields()).select(TEMPLATE.NAME, TEMPLATE.LOCALE)
                .from(TEMPLATE_VERSION).join(TEMPLATE).on(TEMPLATE.ID.eq(TEMPLATE_VERSION.TEMPLATE_ID))
                .where(where);
    }

    private static TemplateVersionRow toRow(Record r) {
        return new TemplateVersionRow(r.get(TEMPLATE_VERSION.ID), r.get(TEMPLATE.NAME), r.get(TEMPLATE.LOCALE),
                r.get(TEMPLATE_VERSION.VERSION), r.get(TEMPLATE_VERSION.TEXT_BODY), r.get(TEMPLATE_VERSION.HTML_BODY),
                r.get(TEMPLATE_VERSION.SOURCE), r.get(TEMPLATE_VERSION.NOTE), r.get(TEMPLATE_VERSION.AUTHOR),
                fromDb(r.get(TEMPLATE_VERSION.CREATED_AT)));
    }
}
