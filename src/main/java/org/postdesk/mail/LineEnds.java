package org.postdesk.mail;

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
}
