package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** uuencoded files (issue 15, found in Request Tracker's and Zammad's test mails): decoded, not shown as text. */
class UuencodedTest {

    private static final String LOG = "Disk quota exceeded on /srv/share at 02:14\n";
    private final MimeParser parser = new MimeParser(10_000_000);

    @Test
    void aFileUuencodedIntoThePlainTextIsAnAttachmentAndLeavesTheText() {
        InboundMessage m = parser.parse(Fixtures.eml("intake/uuencoded-in-text.eml"));
        assertEquals(List.of("night.log"), m.attachments().stream().map(Attachment::filename).toList());
        assertEquals(LOG, new String(m.attachments().get(0).content().bytes(), StandardCharsets.US_ASCII));
        assertFalse(m.textBody().contains("begin 644"), m.textBody());
        assertEquals("Here is the log of last night's run.\n\n(See attached file: night.log)\n\nRegards,\nOle", m.textBody());
    }

    @Test
    void aPartWithTheUuencodeTransferEncodingIsDecodedAlsoWithoutBeginAndEndLines() {
        InboundMessage m = parser.parse(Fixtures.eml("intake/uuencode-transfer-encoding.eml"));
        assertEquals(LOG, new String(m.attachments().get(0).content().bytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void textThatOnlyLooksLikeABeginLineIsLeftAlone() {
        String text = "begin 644 is the mode we use\nand then we end\nend\n";
        assertEquals(text, Uuencoded.split(text).text());
        String noEnd = "begin 644 a.txt\nM86)C\nno end line here\n";
        assertEquals(noEnd, Uuencoded.split(noEnd).text());
    }
}
