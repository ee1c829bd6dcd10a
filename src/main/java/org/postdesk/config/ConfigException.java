package org.postdesk.config;

/**
 * A configuration value or a command-line setting is wrong. The message names the key, the value
 * and what is allowed, so one line is enough to fix it; it never contains a secret.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code db.pool-size = "x" (config file a.properties): expected a whole number from 1 to 1000}. */
    static ConfigException invalid(ConfigValue value, String allowed) {
        return new ConfigException(value.describe() + ": expected " + allowed);
    }
}
