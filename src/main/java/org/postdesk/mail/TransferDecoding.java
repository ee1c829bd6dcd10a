package org.postdesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.dom.SingleBody;

/**
 * Undoes a body part's Content-Transfer-Encoding as a stream: base64, quoted-printable and uuencode (Angus Mail's
 * decoder); anything else is read as it is.
 *
 * <p>A text part labelled base64 whose content plainly is not base64 (words separated by spaces, colons and full
 * stops inside its lines) is read as it is written: mime4j's decoder skips every character outside the base64
 * alphabet and turns the letters left into noise, where the sender's words are right there (enmime's
 * mime-bad-content-transfer-encoding test mail; Python's email keeps the text too).
 */
final class TransferDecoding {

    private static final int SAMPLE_BYTES = 4096;
    /** Real base64 has no character outside its alphabet inside a line; a line-end space or two is tolerated. */
    private static final double MAX_FOREIGN_SHARE = 0.02;

    private TransferDecoding() {
    }

    /** The transfer encoding to read a text body with: {@code declared}, or identity for base64 that is plain text. */
    static String forText(SingleBody body, String declared, List<String> notes) {
        if (!declared.equals("base64")) {
            return declared;
        }
        byte[] sample;
        try (InputStream in = body.getInputStream()) {
            sample = in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            return declared; // the decoding read reports it
        }
        if (!isPlainText(sample)) {
            return declared;
        }
        notes.add("text part labelled base64 holds plain text, read as it is written");
        return "8bit";
    }

    /** Whether more than a few of the characters inside the lines of {@code sample} are outside base64's alphabet. */
    private static boolean isPlainText(byte[] sample) {
        int foreign = 0;
        int counted = 0;
        int lineStart = 0;
        for (int i = 0; i <= sample.length; i++) {
            if (i == sample.length || sample[i] == '\n' || sample[i] == '\r') {
                int end = i;
                while (end > lineStart && (sample[end - 1] == ' ' || sample[end - 1] == '\t')) {
                    end--; // trailing blanks: some encoders leave them
                }
                for (int j = lineStart; j < end; j++) {
                    counted++;
                    foreign += isBase64(sample[j]) ? 0 : 1;
                }
                lineStart = i + 1;
            }
        }
        return counted > 0 && foreign > counted * MAX_FOREIGN_SHARE;
    }

    private static boolean isBase64(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/'
                || b == '=';
    }

    /** {@code in} with {@code transferEncoding} undone. */
    static InputStream decoded(InputStream in, String transferEncoding) {
        if (transferEncoding.equals("base64")) {
            return new Base64InputStream(in, DecodeMonitor.SILENT);
        }
        if (Uuencoded.isTransferEncoding(transferEncoding)) {
            return Uuencoded.decoding(in);
        }
        return transferEncoding.equals("quoted-printable") ? new QuotedPrintableInputStream(in, DecodeMonitor.SILENT) : in;
    }
}
