package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageFactsTest {

    @Test
    void normalisesSenderAndOptionalParts() {
        MessageFacts f = new MessageFacts(" <a@x> ", "  ", null, null, "  Alice@Example.COM ", "ab12");

        assertEquals("<a@x>", f.messageId());
        assertNull(f.inReplyTo());
        assertEquals(List.of(), f.references());
        assertEquals("", f.subject());
        assertEquals("alice@example.com", f.fromAddress());
    }

    @Test
    void nullSenderBecomesEmpty() {
        assertEquals("", new MessageFacts(null, null, null, "s", null, "ab12").fromAddress());
    }

    @Test
    void referencesAreCopiedAndCleaned() {
        List<String> refs = new ArrayList<>(Arrays.asList("<1@x>", null, " ", " <2@x> "));
        MessageFacts f = new MessageFacts("<3@x>", null, refs, "s", "a@x", "ab12");
        refs.clear();

        assertEquals(List.of("<1@x>", "<2@x>"), f.references());
        assertThrows(UnsupportedOperationException.class, () -> f.references().add("<4@x>"));
    }

    @ParameterizedTest(name = "messageId \"{0}\" -> {1}")
    @CsvSource(value = {
        "<a@x>, <a@x>",
        "'  <a@x> ', <a@x>",
        "'', sha256:ab12",
        "'   ', sha256:ab12",
        "NULL, sha256:ab12",
    }, nullValues = "NULL")
    void dedupeKeyPrefersTheMessageId(String messageId, String key) {
        assertEquals(key, new MessageFacts(messageId, null, List.of(), "s", "a@x", "ab12").dedupeKey());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void contentHashIsRequired(String hash) {
        assertThrows(IllegalArgumentException.class,
                () -> new MessageFacts("<a@x>", null, List.of(), "s", "a@x", hash));
    }
}
