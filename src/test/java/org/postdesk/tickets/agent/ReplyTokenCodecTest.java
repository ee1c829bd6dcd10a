package org.postdesk.tickets.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTokenCodecTest {
    private static final byte[] SECRET = "0123456789abcdef-postdesk-test".getBytes(StandardCharsets.US_ASCII);
    private final ReplyTokenCodec codec = new ReplyTokenCodec(SECRET);
    private final ReplyToken token = new ReplyToken(10234, 7, 99001);

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "10234, 7, 99001", "9223372036854775807, 9223372036854775807, 9223372036854775807"})
    void roundTrips(long ticket, long agent, long notification) {
        ReplyToken t = new ReplyToken(ticket, agent, notification);
        String encoded = codec.encode(t);
        assertTrue(encoded.matches("pd1\\.[0-9a-z]+\\.[0-9a-z]+\\.[0-9a-z]+\\.[a-z2-7]{26}"), encoded);
        assertEquals(Optional.of(t), codec.decode(encoded));
    }

    @Test
    void encodesIdsInBase36AndTheTruncatedHmacInBase32() {
        // Expected value computed independently: Python hmac/sha256, first 16 bytes, base32.
        assertEquals("pd1.7wa.7.24e1.s226p7ujleuwtgpmaxu6rt5vvy", codec.encode(token));
    }

    @Test
    void survivesAMailSystemThatChangesCase() {
        assertEquals(Optional.of(token), codec.decode(codec.encode(token).toUpperCase()));
    }

    @Test
    void rejectsAWrongMac() {
        String encoded = codec.encode(token);
        char last = encoded.charAt(encoded.length() - 1);
        String flipped = encoded.substring(0, encoded.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertEquals(Optional.empty(), codec.decode(flipped));
    }

    @Test
    void rejectsATamperedTicketOrAgent() {
        String[] parts = codec.encode(token).split("\\.");
        String otherTicket = String.join(".", parts[0], Long.toString(10235, 36), parts[2], parts[3], parts[4]);
        String otherAgent = String.join(".", parts[0], parts[1], Long.toString(8, 36), parts[3], parts[4]);
        String otherNotification = String.join(".", parts[0], parts[1], parts[2], "1", parts[4]);
        assertEquals(Optional.empty(), codec.decode(otherTicket));
        assertEquals(Optional.empty(), codec.decode(otherAgent));
        assertEquals(Optional.empty(), codec.decode(otherNotification));
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        ReplyTokenCodec other = new ReplyTokenCodec("another-secret-of-32-bytes-long!".getBytes(StandardCharsets.US_ASCII));
        assertNotEquals(codec.encode(token), other.encode(token));
        assertEquals(Optional.empty(), codec.decode(other.encode(token)));
    }

    @Test
    void copiesTheSecret() {
        byte[] secret = SECRET.clone();
        ReplyTokenCodec mine = new ReplyTokenCodec(secret);
        String before = mine.encode(token);
        Arrays.fill(secret, (byte) 0);
        assertEquals(before, mine.encode(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pd1", "pd1....", "pd1.a.b.c.!!!", "pd2.7w2.7.24ix.aaaaaaaaaaaaaaaaaaaaaaaaaa",
        "pd1.7w2.7.24ix.aaaaaaaaaaaaaaaaaaaaaaaaaa", "pd1.0.7.24ix.aaaaaaaaaaaaaaaaaaaaaaaaaa",
        "pd1.-7w2.7.24ix.aaaaaaaaaaaaaaaaaaaaaaaaaa", "pd1.zzzzzzzzzzzzz.7.24ix.aaaaaaaaaaaaaaaaaaaaaaaaaa",
        "\u0000\uffff", "<pd1.7w2.7.24ix.aaaaaaaaaaaaaaaaaaaaaaaaaa@example.com>"})
    void rejectsGarbage(String garbage) {
        assertEquals(Optional.empty(), codec.decode(garbage));
    }

    @Test
    void rejectsNull() {
        assertEquals(Optional.empty(), codec.decode(null));
    }

    @Test
    void findsTheGenuineTokenAmongReferences() {
        String forged = "<pd1.7w2.1.24ix.aaaaaaaaaaaaaaaaaaaaaaaaaa@support.example.com>";
        String references = "<CAFx=abc123@mail.gmail.com> " + forged + " " + codec.messageIdFor(token, "support.example.com");
        assertEquals(Optional.of(token), codec.findIn(Arrays.asList(null, "<CAFx=abc123@mail.gmail.com>", forged, references)));
    }

    @Test
    void findsATokenInABodyLineOrAReplyToAddress() {
        assertEquals(Optional.of(token), codec.findIn(List.of("Thanks!\n> Ref: " + codec.encode(token) + "\n> bye")));
        assertEquals(Optional.of(token), codec.findIn(List.of("support+" + codec.encode(token) + "@example.com")));
    }

    @Test
    void findsNothingWithoutAVerifyingToken() {
        assertEquals(Optional.empty(), codec.findIn(List.of("<CAFx=abc@mail.gmail.com>", "Ref: pd1.x.y.z")));
        assertEquals(Optional.empty(), codec.findIn(List.of("xpd1." + codec.encode(token).substring(4))));
        assertEquals(Optional.empty(), codec.findIn(List.of(codec.encode(token) + "a")));
    }

    @Test
    void messageIdWrapsTheTokenInAngleBrackets() {
        assertEquals("<" + codec.encode(token) + "@support.example.com>", codec.messageIdFor(token, "support.example.com"));
        assertThrows(IllegalArgumentException.class, () -> codec.messageIdFor(token, "bad domain>"));
    }

    @Test
    void refusesAShortSecret() {
        assertThrows(IllegalArgumentException.class, () -> new ReplyTokenCodec(new byte[15]));
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 1", "1, 0, 1", "1, 1, 0", "-1, 1, 1"})
    void tokenIdsMustBePositive(long ticket, long agent, long notification) {
        assertThrows(IllegalArgumentException.class, () -> new ReplyToken(ticket, agent, notification));
    }
}
