package org.postdesk.store;

/** Where the store lives. {@code password} may be null; it is never logged. */
public record DbSettings(String url, String user, String password, int poolSize) {
    /** Flyway takes a second connection for its lock while it upgrades the schema at open. */
    public static final int MIN_POOL_SIZE = 2;

    public DbSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("db.url is empty: give a JDBC URL such as jdbc:h2:file:./data/postdesk");
        }
        if (poolSize < MIN_POOL_SIZE) {
            throw new IllegalArgumentException("db.pool-size " + poolSize + " is too small: the schema upgrade at"
                    + " start needs " + MIN_POOL_SIZE + " connections; use " + MIN_POOL_SIZE + " or more");
        }
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DbSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
