package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postdesk.mail.Attachment;

class TokenGuardTest {
    private static final String TOKEN = "pd1.2s.1.b.abcdefghijklmnopqrstuvwxyz";

    @Test
    void aTokenInTheTextOrInAReadableAttachmentIsFound() {
        assertThat(TokenGuard.find("Hello\nRef: " + TOKEN, List.of())).contains("the text");
        Attachment eml = Attachment.of("notice.eml", "message/rfc822",
                ("Message-ID: <" + TOKEN.substring(0, 20) + "=\r\n" + TOKEN.substring(20) + "@x>\r\n\r\nhi")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(TokenGuard.find("Hello", List.of(eml))).contains("attachment notice.eml");
    }

    @Test
    void cleanMailAndBinaryAttachmentsPass() {
        Attachment pdf = Attachment.of("a.pdf", "application/pdf", TOKEN.getBytes(StandardCharsets.US_ASCII));
        Attachment txt = Attachment.of("a.txt", "text/plain", "no token".getBytes(StandardCharsets.US_ASCII));
        assertThat(TokenGuard.find("Hello, pd1 is our plan name.", List.of(pdf, txt))).isEmpty();
    }
}
