package org.postdesk.mail;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Mail written with bare CR line ends (classic Mac OS, some appliances): mime4j splits lines at LF only,
 * so such a message is read as one long line. It is converted to CRLF for parsing; the raw bytes kept are
 * the ones received.
 */
final class LineEnds {

    private LineEnds() {
    }

    /** True when the bytes hold CRs but not a single LF. */
    static boolean onlyBareCr(byte[] raw) {
        boolean cr = false;
        for (byte b : raw) {
            if (b == '\n') {
                return false;
            }
            cr |= b == '\r';
        }
        return cr;
    }

    static byte[] crToCrlf(byte[] raw, List<String> notes) {
        int crs = 0;
        for (byte b : raw) {
            crs += b == '\r' ? 1 : 0;
        }
        byte[] out = new byte[raw.length + crs];
        int j = 0;
        for (byte b : raw) {
            out[j++] = b;
            if (b == '\r') {
                out[j++] = '\n';
            }
        }
        notes.add("bare CR line ends read as CRLF");
        return out;
    }

    /** {@link #onlyBareCr(byte[])} of a stream, read to its first LF (the stream is not closed). */
    static boolean onlyBareCr(InputStream in) throws IOException {
        InputStream buffered = new BufferedInputStream(in, 64 * 1024);
        boolean cr = false;
        for (int b; (b = buffered.read()) >= 0; ) {
            if (b == '\n') {
                return false;
            }
            cr |= b == '\r';
        }
        return cr;
    }

    /** {@link #crToCrlf(byte[], List)} as a stream: each CR of {@code in} is followed by an LF. */
    static InputStream crToCrlf(InputStream in, List<String> notes) {
        notes.add("bare CR line ends read as CRLF");
        return new FilterInputStream(new BufferedInputStream(in, 64 * 1024)) {
            private boolean lfDue;

            @Override
            public int read() throws IOException {
                if (lfDue) {
                    lfDue = false;
                    return '\n';
                }
                int b = super.read();
                lfDue = b == '\r';
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = 0;
                while (n < len) {
                    int b = read();
                    if (b < 0) {
                        return n == 0 ? -1 : n;
                    }
                    buf[off + n++] = (byte) b;
                }
                return n;
            }
        };
    }
}
