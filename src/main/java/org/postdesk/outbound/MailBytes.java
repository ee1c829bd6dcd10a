package org.postdesk.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The bytes of one outbound mail, written when it is sent: a whole mail from its outbox row, or a row with
 * stored attachments read from the store on the way ({@link SplicedMail}). Writing twice gives the same bytes.
 */
public interface MailBytes {
    void writeTo(OutputStream out) throws IOException;

    /** The bytes in one array, for gateways that need them whole (tests, benchmarks). */
    default byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static MailBytes of(byte[] raw) {
        return new MailBytes() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(raw);
            }

            @Override
            public byte[] toByteArray() {
                return raw;
            }
        };
    }
}
