package org.postdesk.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Lenient RFC 2047 decoding of header text.
 *
 * <p>Ours rather than mime4j's {@code DecoderUtil}, which decodes each word to text on its own: unlike it
 * and {@code MimeUtility.decodeText} in strict mode it finds encoded words inside other words and in
 * quoted strings, and it joins the bytes of adjacent words in one charset before decoding, because many
 * mailers split a multi-byte UTF-8 character across two words. Unknown charsets fall back as in
 * {@link CharsetDecoding}.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*?)\\?=");
    private static final Pattern BLANK = Pattern.compile("[ \\t\\r\\n]*");

    private EncodedWords() {
    }

    /** Decodes every encoded word in {@code text}; problems are added to {@code notes}. Never throws. */
    static String decode(String text, List<String> notes) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        Run run = null;
        while (m.find()) {
            String between = text.substring(last, m.start());
            boolean adjacent = run != null && BLANK.matcher(between).matches();
            String charset = charsetOf(m.group(1));
            if (adjacent && run.charset.equalsIgnoreCase(charset)) {
                run.append(m);
            } else {
                // RFC 2047 §6.2: blanks between two encoded words are dropped.
                flush(run, out, notes);
                if (!adjacent) {
                    out.append(between);
                }
                run = new Run(charset, m);
            }
            last = m.end();
        }
        flush(run, out, notes);
        return out.append(text.substring(last)).toString();
    }

    private static void flush(Run run, StringBuilder out, List<String> notes) {
        if (run == null) {
            return;
        }
        CharsetDecoding.Decoded decoded = CharsetDecoding.decode(run.bytes.toByteArray(), run.charset);
        if (decoded.note() != null) {
            notes.add("encoded word: " + decoded.note());
        }
        out.append(decoded.text());
    }

    /** RFC 2231 §5 allows "charset*language" inside an encoded word. */
    private static String charsetOf(String label) {
        int star = label.indexOf('*');
        return star < 0 ? label : label.substring(0, star);
    }

    /** Adjacent encoded words in one charset, collected as bytes. */
    private static final class Run {
        final String charset;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Run(String charset, Matcher first) {
            this.charset = charset;
            append(first);
        }

        void append(Matcher m) {
            boolean base64 = m.group(2).equalsIgnoreCase("B");
            // RFC 2047 §4.2: in the "Q" encoding an underscore is a space.
            String text = base64 ? m.group(3) : m.group(3).replace("_", "=20");
            byte[] encoded = text.getBytes(StandardCharsets.ISO_8859_1);
            try (InputStream in = base64 ? new Base64InputStream(new ByteArrayInputStream(encoded), DecodeMonitor.SILENT)
                    : new QuotedPrintableInputStream(new ByteArrayInputStream(encoded), DecodeMonitor.SILENT)) {
                bytes.writeBytes(in.readAllBytes());
            } catch (IOException e) {
                // Only a malformed word ends up here, and SILENT decoding skips what it cannot read.
                bytes.writeBytes(encoded);
            }
        }
    }
}
