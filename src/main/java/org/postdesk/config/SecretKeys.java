package org.postdesk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Where {@link SecretBox}'s key lives: the environment wins over the key file. Key values never appear in messages. */
final class SecretKeys {
    private static final int KEY_BYTES = 32;

    private final String envKey;
    private final Path file;

    SecretKeys(String envKey, Path file) {
        this.envKey = envKey == null || envKey.isBlank() ? null : envKey.trim();
        this.file = file;
    }

    String describe() {
        return envKey != null ? "the key that was in " + SecretBox.KEY_ENV + " when the password was stored"
                : "the key file " + file;
    }

    SecretKey loadOrCreate() {
        if (envKey != null) {
            return decode(envKey, SecretBox.KEY_ENV);
        }
        if (!Files.exists(file)) {
            create();
        }
        return read();
    }

    SecretKey loadExisting(String owner) {
        if (envKey != null) {
            return decode(envKey, SecretBox.KEY_ENV);
        }
        if (!Files.exists(file)) {
            // A fresh key could never decrypt what an old one sealed: say so instead of creating it.
            throw new ConfigException(owner + ": stored password cannot be decrypted: the key file " + file
                    + " is missing; set " + SecretBox.KEY_ENV + " or restore " + file);
        }
        return read();
    }

    private SecretKey read() {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), "key file " + file);
        } catch (IOException e) {
            throw new ConfigException("secret.key-file " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static SecretKey decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new ConfigException(where + ": not a secret key: expected the base64 of 32 random bytes"
                    + " (e.g. from: head -c 32 /dev/urandom | base64)");
        }
        return new SecretKeySpec(key, "AES");
    }

    /** Writes a temp file readable only by us, then renames it, so a racing process never reads half a key. */
    private void create() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String text = Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            createPrivate(tmp);
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp); // another process won the race; use its key
            }
        } catch (IOException e) {
            throw new ConfigException("secret.key-file " + file + ": cannot create: " + e.getMessage()
                    + " (choose a writable path with secret.key-file, or set " + SecretBox.KEY_ENV + ")", e);
        }
    }

    private static void createPrivate(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // not a POSIX file system: protected by the directory's ACL only
        }
    }
}
