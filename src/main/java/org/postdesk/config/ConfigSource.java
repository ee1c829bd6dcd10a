package org.postdesk.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Raw settings merged in order environment, file, default; typed getters that fail with the key named. */
final class ConfigSource {
    private final Map<String, String> file;
    private final String fileName;
    private final Map<String, String> env;

    ConfigSource(Map<String, String> file, String fileName, Map<String, String> env) {
        this.file = Map.copyOf(file);
        this.fileName = fileName;
        this.env = Map.copyOf(env);
    }

    ConfigValue value(String key) {
        boolean secret = ConfigKeys.SECRETS.contains(key);
        String envName = ConfigKeys.envName(key);
        if (env.containsKey(envName)) {
            return new ConfigValue(key, env.get(envName), "environment " + envName, secret);
        }
        if (file.containsKey(key)) {
            return new ConfigValue(key, file.get(key), "config file " + fileName, secret);
        }
        return new ConfigValue(key, ConfigKeys.DEFAULTS.get(key), "built-in default", secret);
    }

    String text(String key) {
        return value(key).text().trim();
    }

    /** The password is taken as written: spaces may be part of it. */
    String secret(String key) {
        return value(key).text();
    }

    Duration duration(String key) {
        return Durations.parse(value(key));
    }

    /** {@link #duration}, where zero is allowed. */
    Duration durationOrZero(String key) {
        return Durations.parseZeroOrMore(value(key));
    }

    long number(String key, long min, long max) {
        ConfigValue v = value(key);
        try {
            long n = Long.parseLong(v.text().trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ConfigException.invalid(v, "a whole number from " + min + " to " + max);
    }

    boolean bool(String key) {
        ConfigValue v = value(key);
        String t = v.text().trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw ConfigException.invalid(v, "true or false");
    }

    /** Null when the value is empty. */
    Path pathOrNull(String key) {
        ConfigValue v = value(key);
        if (v.text().isBlank()) {
            return null;
        }
        try {
            return Path.of(v.text().trim());
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(v, "a file system path");
        }
    }

    String matching(String key, String regex, String allowed) {
        ConfigValue v = value(key);
        if (!v.text().trim().matches(regex)) {
            throw ConfigException.invalid(v, allowed);
        }
        return v.text().trim();
    }
}
