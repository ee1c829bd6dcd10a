package org.postdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndCreatesPrivateKeyFileOnFirstUse() throws IOException {
        Path keyFile = dir.resolve("sub/secret.key");
        SecretBox box = SecretBox.open(Map.of(), keyFile);
        assertFalse(Files.exists(keyFile), "opening alone creates nothing");
        String sealed = box.encrypt("pässword");
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains("pässword"));
        assertNotEquals(sealed, box.encrypt("pässword"), "a fresh IV each time");
        assertEquals("pässword", SecretBox.open(Map.of(), keyFile).decrypt(sealed, "mailbox support"));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(keyFile).trim()).length);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        }
    }

    @Test
    void keyFromEnvironmentWins() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox box = SecretBox.open(Map.of(SecretBox.KEY_ENV, key), dir.resolve("unused.key"));
        String sealed = box.encrypt("pw");
        assertFalse(Files.exists(dir.resolve("unused.key")));
        assertEquals("pw", SecretBox.open(Map.of(SecretBox.KEY_ENV, key), dir.resolve("other")).decrypt(sealed, "m"));
    }

    @Test
    void wrongKeyGivesTheFixNotAStackOfCrypto() {
        String sealed = SecretBox.open(Map.of(), dir.resolve("a.key")).encrypt("pw");
        Path other = dir.resolve("b.key");
        SecretBox.open(Map.of(), other).encrypt("x");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SecretBox.open(Map.of(), other).decrypt(sealed, "mailbox support"));
        assertTrue(e.getMessage().startsWith("mailbox support: stored password cannot be decrypted: the secret key changed?"),
                e.getMessage());
        assertTrue(e.getMessage().contains("POSTDESK_SECRET_KEY") && e.getMessage().contains(other.toString()));
    }

    @Test
    void missingKeyFileIsNotSilentlyRecreatedOnDecrypt() {
        String sealed = SecretBox.open(Map.of(), dir.resolve("a.key")).encrypt("pw");
        Path gone = dir.resolve("gone.key");
        ConfigException e = assertThrows(ConfigException.class, () -> SecretBox.open(Map.of(), gone).decrypt(sealed, "mailbox x"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertFalse(Files.exists(gone));
    }

    @Test
    void badEnvironmentKeyIsRejectedWithoutEchoingIt() {
        SecretBox box = SecretBox.open(Map.of(SecretBox.KEY_ENV, "c2hvcnQ="), dir.resolve("k"));
        ConfigException e = assertThrows(ConfigException.class, () -> box.encrypt("pw"));
        assertTrue(e.getMessage().contains("32 random bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("c2hvcnQ="));
    }
}
