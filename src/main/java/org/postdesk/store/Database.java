package org.postdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.TransactionListener;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: one connection pool, migrated by Flyway at open when its schema is not current
 * ({@link SchemaCurrency}), and the one shared {@link DSLContext}.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** H2 must behave like PostgreSQL and keep lower-case names, or the generated SQL misses tables. */
    private static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            // Each stored message runs some 15 distinct statements; the default cache of 8 re-parses them.
            + ";QUERY_CACHE_SIZE=64";

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final DbSettings settings;

    private Database(HikariDataSource dataSource, SQLDialect dialect, DbSettings settings, StoreListeners listeners) {
        this.dataSource = dataSource;
        DefaultConfiguration cfg = new DefaultConfiguration();
        cfg.set(dataSource);
        cfg.set(dialect);
        // The generated code has no schema (outputSchemaToDefault); rendering none also saves jOOQ the
        // lookups for a catalog and schema on every statement of the ingest path.
        // IN lists padded to a power of two: a statement text per list length filled H2's query cache (a parsed
        // copy per text and session) and PostgreSQL's prepared-statement cache with near-duplicates.
        cfg.set(new Settings().withExecuteLogging(false).withRenderCatalog(false).withRenderSchema(false)
                .withInListPadding(true));
        // Mailboxes and agents in memory, checked once per transaction against config_generation, which every
        // write to them changes (issue 16): the configuration's data map is copied into each transaction's.
        ConfigCache cache = new ConfigCache();
        cfg.data(ConfigCache.KEY, cache);
        ConfigWrites writes = new ConfigWrites(cache);
        LostStoreRecovery recovery = new LostStoreRecovery(this::evictConnections);
        if (listeners != null) {
            cfg.set(writes, recovery, listeners.statements());
            cfg.set(cache, listeners.transactions());
        } else {
            cfg.set(writes, recovery);
            cfg.set(cache);
        }
        this.dsl = DSL.using(cfg);
        this.settings = settings;
    }

    /**
     * Listeners a benchmark counts statements and commits with; production opens the store without any
     * (each listener costs a call per statement).
     */
    public record StoreListeners(ExecuteListener statements, TransactionListener transactions) {
    }

    /**
     * The lease to watch {@code mailboxId}: an advisory lock on PostgreSQL, where several daemons may share
     * the store; always granted on H2.
     */
    public MailboxLease mailboxLease(long mailboxId) {
        return settings.isH2() ? MailboxLease.GRANTED : new AdvisoryLease(settings, mailboxId);
    }

    /** Opens the pool and brings the schema up to date; throws {@link StoreUnavailableException}. */
    public static Database open(DbSettings settings) {
        return open(settings, null);
    }

    /** {@link #open(DbSettings)} with {@code listeners} (null: none) on the shared context. */
    public static Database open(DbSettings settings, StoreListeners listeners) {
        String url = jdbcUrl(settings);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("store");
        config.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreUnavailableException("database " + redact(url) + ": cannot open or migrate: "
                    + rootMessage(e) + " (check db.url, db.user and db.password, and that the server runs)", e);
        }
        SQLDialect dialect = settings.isH2() ? SQLDialect.H2 : SQLDialect.POSTGRES;
        log.debug("store open: {} ({})", redact(url), dialect);
        return new Database(ds, dialect, settings, listeners);
    }

    static String jdbcUrl(DbSettings settings) {
        String url = settings.url();
        if (!settings.isH2() || url.toUpperCase().contains("MODE=")) {
            return url;
        }
        // A file database is shared by the daemon and the CLI, so let a second process in.
        boolean file = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./");
        String autoServer = file ? ";AUTO_SERVER=TRUE" : "";
        // H2 writes committed transactions to its file up to WRITE_DELAY (500 ms) later: a kill -9 in that
        // window loses commits whose acknowledgement may already be sent. Write at every commit instead.
        String durable = !url.startsWith("jdbc:h2:mem:") && !url.toUpperCase().contains("WRITE_DELAY=")
                ? ";WRITE_DELAY=0" : "";
        // H2's page cache defaults to 64 MB, a quarter of the launcher's 256 MB heap, which large mail needs
        // for itself (issue 15); 16 MB keeps the working set of a help desk cached.
        String cache = file && !url.toUpperCase().contains("CACHE_SIZE=") ? ";CACHE_SIZE=16384" : "";
        // Closing an H2 file compacts it for up to MAX_COMPACT_TIME (200 ms, and longer in practice: on a store of
        // a million tickets every CLI command spent a second of CPU rewriting chunks as it closed, issue 16). A
        // command line that runs for a second should not. With WRITE_DELAY=0 H2 runs no background housekeeping
        // either, so the file keeps its high-water mark while open: `postdesk store compact` (H2Compaction) shrinks it.
        String compact = file && !url.toUpperCase().contains("MAX_COMPACT_TIME=") ? ";MAX_COMPACT_TIME=0" : "";
        return url + H2_FLAGS + autoServer + durable + cache + compact;
    }

    private static void migrate(DataSource ds) {
        if (SchemaCurrency.isCurrent(ds)) {
            log.debug("schema current: every shipped migration is applied, Flyway not needed");
            return;
        }
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Whether this is the embedded H2 store (else PostgreSQL). */
    public boolean isH2() {
        return settings.isH2();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Replaces every pooled connection, as soon as it is returned: after an embedded H2 database closed
     * itself (an internal error, memory exhausted), new connections reopen the file database.
     */
    public void evictConnections() {
        if (dataSource.getHikariPoolMXBean() != null) {
            dataSource.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** Runs {@code work} in one transaction; use only the given context inside. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        return dsl.transactionResult(cfg -> work.apply(marked(cfg).dsl()));
    }

    public void inTransactionRun(Consumer<DSLContext> work) {
        dsl.transaction(cfg -> work.accept(marked(cfg).dsl()));
    }

    /** A transaction's own configuration, marked so {@link TransactionMemo} may keep values in it. */
    private static org.jooq.Configuration marked(org.jooq.Configuration cfg) {
        TransactionMemo.begin(cfg);
        return cfg;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
