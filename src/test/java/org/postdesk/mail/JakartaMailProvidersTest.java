package org.postdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class JakartaMailProvidersTest {

    @Test
    void usingTheParserNamesAngusAsTheStreamProviderSoJakartaMailSkipsTheClassPathScan() {
        new MimeParser(1024).parse("Subject: x\r\n\r\nbody\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(System.getProperty(JakartaMailProviders.STREAM_PROVIDER))
                .isEqualTo(JakartaMailProviders.ANGUS_STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(JakartaMailProviders.ANGUS_STREAM_PROVIDER);
    }
}
