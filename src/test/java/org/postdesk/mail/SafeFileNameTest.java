package org.postdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200E", "\u200F", "\u061C", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u0007", "\u2028"})
    void bidiControlsAndOtherInvisibleCharactersAreRemoved(String invisible) {
        assertThat(SafeFileName.of("invoice" + invisible + "fdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void theRightToLeftOverrideTrickShowsTheRealExtension() {
        String name = SafeFileName.of("invoice\u202Efdp.exe");
        assertThat(name).endsWith(".exe").doesNotContain("\u202E");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        ".. => attachment", ". => attachment", "... => attachment", "'   ' => attachment", "'' => attachment",
        ".bashrc => _bashrc", "..evil => _evil", "report. => report", "report.pdf... => report.pdf",
        "a<b>c:d\"e/f\\g|h?i*j.txt => a_b_c_d_e_f_g_h_i_j.txt",
        "CON => _CON", "con.txt => _con.txt", "NUL.tar.gz => _NUL.tar.gz", "COM1 => _COM1", "lpt9.log => _lpt9.log",
        "CONSOLE.txt => CONSOLE.txt", "Счёт № 42.pdf => Счёт № 42.pdf", "a   b.pdf => a b.pdf"})
    void dotNamesReservedNamesAndCharactersAreNeutralised(String given, String shown) {
        assertThat(SafeFileName.of(given)).isEqualTo(shown);
    }

    @Test
    void longNamesAreCutTo255BytesKeepingTheExtension() {
        String name = SafeFileName.of("x".repeat(300) + ".pdf");
        assertThat(name).endsWith(".pdf").hasSize(255);
        String cyrillic = SafeFileName.of("ж".repeat(300) + ".docx");
        assertThat(cyrillic.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(cyrillic).endsWith(".docx").startsWith("жжж");
        String emoji = SafeFileName.of("\uD83D\uDE00".repeat(100) + ".png");
        assertThat(emoji.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(emoji.codePoints()).allMatch(cp -> cp == 0x1F600 || ".png".indexOf(cp) >= 0);
    }

    @Test
    void safeNamesStayAsTheyAreAndTheRuleIsIdempotent() {
        for (String s : new String[] {"invoice\u202Efdp.exe", "..", "CON", "x".repeat(400) + ".pdf", "a?.txt"}) {
            assertThat(SafeFileName.of(SafeFileName.of(s))).isEqualTo(SafeFileName.of(s));
        }
        assertThat(SafeFileName.isSafe("photo 2026-11-23.jpg")).isTrue();
        assertThat(SafeFileName.isSafe("..")).isFalse();
    }

    @Test
    void anAttachmentShowsTheSafeNameAndKeepsTheOriginalForTheAudit() {
        Attachment a = Attachment.of("invoice\u202Efdp.exe", "application/octet-stream", new byte[] {1});
        assertThat(a.filename()).isEqualTo("invoicefdp.exe");
        assertThat(a.originalFilename()).isEqualTo("invoice\u202Efdp.exe");
        Attachment plain = Attachment.of("a.pdf", "application/pdf", new byte[] {1});
        assertThat(plain.originalFilename()).isNull();
    }

    @Test
    void theParserHandsOutSafeNames() {
        String raw = "From: a@example.test\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe\r\n\r\nMZ\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"..\"\r\n"
                + "\r\nx\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\""
                + "y".repeat(300) + ".pdf\"\r\n\r\n%PDF\r\n--b--\r\n";
        InboundMessage m = new MimeParser(1 << 20).parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(m.attachments()).extracting(Attachment::filename)
                .containsExactly("invoicefdp.exe", "attachment", "y".repeat(251) + ".pdf");
        assertThat(m.attachments().get(0).originalFilename()).isEqualTo("invoice\u202Efdp.exe");
    }
}
