package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoreplyBudgetTest {

    @ParameterizedTest(name = "budget {0}, already sent {1} -> {2}")
    @CsvSource({
        "3, 0, true",
        "3, 2, true",
        "3, 3, false",
        "3, 50, false",
        "1, 0, true",
        "1, 1, false",
        "0, 0, false",
    })
    void allowsUpToTheBudget(int perHour, int sent, boolean allowed) {
        assertEquals(allowed, new AutoreplyBudget(perHour).allows(sent));
    }

    @Test
    void rejectsNegativeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new AutoreplyBudget(-1));
        assertThrows(IllegalArgumentException.class, () -> new AutoreplyBudget(3).allows(-1));
    }
}
