package org.postdesk.cli;

import java.nio.file.Path;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.store.Database;

/**
 * What commands share during one invocation: the configuration (loaded once, on first use), the
 * database (opened on first use, so {@code --help} and validation errors never touch it) and the
 * secret box. Not thread-safe: one command runs at a time.
 */
public final class CliContext implements AutoCloseable {
    private final Path configFileOrNull;
    private final CliEnvironment environment;
    private PostdeskConfig config;
    private Database database;

    public CliContext(Path configFileOrNull, CliEnvironment environment) {
        this.configFileOrNull = configFileOrNull;
        this.environment = environment;
    }

    public CliEnvironment environment() {
        return environment;
    }

    /** @throws org.postdesk.config.ConfigException on a bad file or value (exit code 3) */
    public PostdeskConfig config() {
        if (config == null) {
            config = ConfigLoader.load(configFileOrNull, environment.env());
        }
        return config;
    }

    /** @throws org.postdesk.store.StoreUnavailableException when the database cannot be opened (exit code 4) */
    public Database database() {
        if (database == null) {
            database = Database.open(config().db().toSettings());
        }
        return database;
    }

    public SecretBox secrets() {
        return SecretBox.open(environment.env(), config().secretKeyFile());
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
