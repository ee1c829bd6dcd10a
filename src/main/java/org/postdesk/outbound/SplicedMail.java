package org.postdesk.outbound;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import org.postdesk.store.AttachmentContents;
import org.postdesk.store.OutboxSplice;

/**
 * An outbox row's raw bytes with the base64 bodies of its stored attachments put back where they were cut
 * out (see {@link org.postdesk.mail.MimeComposer#composeSpliced}), each attachment streamed from the store a
 * chunk at a time. The attachment rows never change, so every attempt writes the same bytes.
 */
public final class SplicedMail implements MailBytes {
    private final byte[] raw;
    private final List<OutboxSplice> splices;
    private final AttachmentContents contents;

    public SplicedMail(byte[] raw, List<OutboxSplice> splices, AttachmentContents contents) {
        this.raw = raw;
        this.splices = List.copyOf(splices);
        this.contents = contents;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        int at = 0;
        for (OutboxSplice splice : splices) {
            int to = Math.toIntExact(splice.offset());
            out.write(raw, at, to - at);
            // RFC 2045 §6.8: 76-character lines, CRLF; MimeComposer wrote the line end after the body.
            try (OutputStream base64 = Base64.getMimeEncoder().wrap(new KeepOpen(out))) {
                contents.copy(splice.attachmentId(), base64);
            }
            at = to;
        }
        out.write(raw, at, raw.length - at);
    }

    /** Lets the base64 encoder write its last block on close without closing the mail's stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len); // FilterOutputStream would write byte by byte
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
