package org.postdesk.store;

/** Where the store lives. {@code password} may be null; it is never logged. */
public record DbSettings(String url, String user, String password, int poolSize) {

    public DbSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("db.url is empty: give a JDBC URL such as jdbc:h2:file:./data/postdesk");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool-size " + poolSize + " is too small: use 1 or more");
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
