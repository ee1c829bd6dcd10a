package org.postdesk.config;

import org.postdesk.store.DbSettings;

/** Where the store lives. The password may be empty and is never shown by {@link #toString()}. */
public record DbConfig(String url, String user, String password, int poolSize) {

    public DbSettings toSettings() {
        return new DbSettings(url, user, password, poolSize);
    }

    @Override
    public String toString() {
        return "DbConfig[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
