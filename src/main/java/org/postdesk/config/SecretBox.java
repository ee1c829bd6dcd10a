package org.postdesk.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts mailbox passwords for the database with AES-256-GCM, as {@code v1:<base64(iv ‖ ciphertext ‖ tag)>}.
 * The key comes from {@code POSTDESK_SECRET_KEY} (base64 of 32 bytes) or from the key file, which
 * {@link #encrypt} creates on first use. Thread-safe.
 */
public final class SecretBox {
    public static final String KEY_ENV = "POSTDESK_SECRET_KEY";
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeys keys;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(SecretKeys keys) {
        this.keys = keys;
    }

    /** Reads nothing yet: the key is loaded (or created) on the first encrypt or decrypt. */
    public static SecretBox open(Map<String, String> env, Path keyFile) {
        return new SecretBox(new SecretKeys(env.get(KEY_ENV), keyFile));
    }

    public String encrypt(String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, keys.loadOrCreate(), iv);
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @param owner names the holder in the error, e.g. {@code mailbox support}
     * @throws ConfigException when the key is missing or is not the one that encrypted the value
     */
    public String decrypt(String stored, String owner) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new ConfigException(owner + ": stored password is not in a known format (expected " + PREFIX + "…)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            byte[] iv = Arrays.copyOf(all, IV_BYTES);
            Cipher c = cipher(Cipher.DECRYPT_MODE, keys.loadExisting(owner), iv);
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException(owner + ": stored password cannot be decrypted: the secret key changed?"
                    + " set " + KEY_ENV + " or restore " + keys.describe(), e);
        }
    }

    /**
     * A key for {@code purpose}, derived from the secret key as HMAC-SHA256(key, "postdesk/" + purpose)
     * (the extract-free expand step of RFC 5869 HKDF, enough for a uniformly random key). Every
     * daemon sharing the secret key derives the same value, and rotating the key rotates it too.
     * Creates the key file on first use, like {@link #encrypt}.
     */
    public byte[] deriveKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.loadOrCreate().getEncoded(), "HmacSHA256"));
            return mac.doFinal(("postdesk/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        return c;
    }
}
