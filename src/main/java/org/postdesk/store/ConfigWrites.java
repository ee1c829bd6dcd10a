package org.postdesk.store;

import static org.postdesk.store.db.Sequences.CONFIG_GENERATION_SEQ;
import static org.postdesk.store.db.Tables.CONFIG_GENERATION;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Changes {@code config_generation} with every statement that writes a table {@link ConfigCache} holds, whoever
 * runs it: a repository method, a use case, the seed of a benchmark, a write path added next year. It sits under
 * the store's one {@code DSLContext} (the daemon's and the command line's alike) and looks at the SQL jOOQ
 * rendered, so no write method has to remember to invalidate a cache, and none can forget to.
 *
 * <p>Inside a transaction the generation is changed before the first such write, in the same transaction, so it
 * commits or rolls back with the change, and every writer of the configuration takes the generation's row lock
 * before any row of the configuration (one lock order: two admins' changes wait for each other, never deadlock).
 * An auto-committed write changes it right after the write: a reader in between keeps the old configuration for
 * that instant, where the opposite order could let a reader cache the old rows under the new generation.
 * Hand-written because jOOQ offers no write hook by table; the SQL text is jOOQ's own rendering.
 */
final class ConfigWrites implements ExecuteListener {
    private static final long serialVersionUID = 1L;
    /** The tables {@link ConfigSnapshot} and the template cache read; a write to any of them invalidates both. */
    static final Set<String> WATCHED = Set.of("mailbox", "agent", "agent_address", "agent_mailbox", "template",
            "template_version", "business_calendar", "calendar_day", "sla_policy");
    /**
     * The table a write statement changes; H2 renders INSERT … RETURNING as {@code select … from final table
     * (insert …)} and ON CONFLICT DO NOTHING as MERGE.
     */
    private static final Pattern WRITE = Pattern.compile("^\\s*(?:select\\b.*?\\bfrom\\s+final\\s+table\\s*\\(\\s*)?"
            + "(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String AFTER = "postdesk.config-write-after";

    private final ConfigCache cache;

    ConfigWrites(ConfigCache cache) {
        this.cache = cache;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (!writesConfig(ctx)) {
            return;
        }
        if (autoCommit(ctx)) {
            ctx.data(AFTER, Boolean.TRUE);
        } else if (cache.wroteInThisTransaction()) {
            return; // this transaction holds the generation's lock and a value no one else will have
        } else {
            bump(ctx);
            cache.markWritten();
        }
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        if (ctx.data(AFTER) != null) {
            bump(ctx);
        }
    }

    private static boolean writesConfig(ExecuteContext ctx) {
        if (writesConfig(ctx.sql())) {
            return true;
        }
        for (String sql : ctx.batchSQL()) {
            if (writesConfig(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code sql} writes a {@link #WATCHED} table; SELECTs cost a character check. */
    static boolean writesConfig(String sql) {
        if (sql == null || sql.isEmpty()) {
            return false;
        }
        String s = sql.stripLeading();
        char first = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(0));
        if (first == 's' && !s.contains("final table")) {
            return false;
        }
        // lookingAt, not find: the pattern is anchored, but find() still tried it at every position of the SQL, and a
        // batch's multi-row INSERT is kilobytes long (1.4 % of the drain's store-thread samples).
        Matcher m = WRITE.matcher(s);
        return m.lookingAt() && WATCHED.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    private static boolean autoCommit(ExecuteContext ctx) {
        try {
            return ctx.connection().getAutoCommit();
        } catch (SQLException e) {
            throw new DataAccessException("store: cannot tell whether a configuration change runs in a transaction", e);
        }
    }

    /** A fresh value from the sequence, on the statement's own connection (and so in its transaction). */
    private static void bump(ExecuteContext ctx) {
        // A context of its own over the same connection: no listeners, so this UPDATE is not looked at again.
        DSL.using(ctx.connection(), ctx.dialect(), ctx.settings())
                .update(CONFIG_GENERATION).set(CONFIG_GENERATION.GENERATION, CONFIG_GENERATION_SEQ.nextval())
                .where(CONFIG_GENERATION.ID.eq(1)).execute();
    }
}
