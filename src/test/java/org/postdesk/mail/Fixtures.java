package org.postdesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/** Test messages: byte-exact .eml resources, or text blocks encoded in a legacy charset. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] eml(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /mail/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text block as wire bytes: CRLF line ends, every character encoded in {@code charset}. */
    static byte[] message(String text, String charset) {
        return text.replace("\n", "\r\n").getBytes(Charset.forName(charset));
    }
}
