package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThreadingPolicyTest {

    @Test
    void rejectsANegativeOrMissingWindow() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadingPolicy(Duration.ofHours(-1)));
        assertThrows(NullPointerException.class, () -> new ThreadingPolicy(null));
    }
}
