package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketNumberTest {

    @ParameterizedTest(name = "sequence {0} -> {1}")
    @CsvSource({
        "572, 5724",             // the worked example from the Damm literature (Wikipedia)
        "1, 13",
        "9, 92",
        "10, 101",
        "1001, 10019",
        "1000, 10008",
        "123456789, 1234567894",
        "99999999999999999, 999999999999999999",
    })
    void appendsTheDammCheckDigit(long sequence, String displayed) {
        TicketNumber n = TicketNumber.fromSequence(sequence);

        assertEquals(displayed, n.toString());
        assertEquals(Long.parseLong(displayed), n.value());
        assertEquals(sequence, n.sequence());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE, 100_000_000_000_000_000L, Long.MAX_VALUE})
    void rejectsSequencesOutsideTheRange(long sequence) {
        assertThrows(IllegalArgumentException.class, () -> TicketNumber.fromSequence(sequence));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 5723, 10010, -5724})
    void constructorRejectsAValueWithAWrongCheckDigit(long value) {
        assertThrows(IllegalArgumentException.class, () -> new TicketNumber(value));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "10019|10019",
        "'  10019 '|10019",
        "'\t5724\n'|5724",
        "13|13",
    })
    void parsesValidNumbers(String text, long value) {
        assertEquals(Optional.of(new TicketNumber(value)), TicketNumber.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @NullSource
    @ValueSource(strings = {
        "", "   ", "1", "0", "00", "10018", "1001 9", "1001-9", "+10019", "-10019", "10019x", "abc",
        "010019",                 // never issued with a leading zero
        "１００１９",              // full-width digits are not ASCII digits
        "1234567890123456789",    // 19 digits: too long
        "99999999999999999999999",
    })
    void rejectsText(String text) {
        assertEquals(Optional.empty(), TicketNumber.parse(text));
    }

    @Test
    void roundTripsThroughItsDigits() {
        LongStream.of(1, 2, 99, 1001, 424242, 7_000_000_001L).forEach(seq -> {
            TicketNumber n = TicketNumber.fromSequence(seq);
            assertEquals(Optional.of(n), TicketNumber.parse(n.toString()));
        });
    }

    static Stream<Long> sampleSequences() {
        return Stream.concat(LongStream.rangeClosed(1, 1200).boxed(),
                Stream.of(10_000L, 98_765L, 123_456_789L, 5_555_555_555L, 99_999_999_999_999_999L));
    }

    @ParameterizedTest
    @MethodSource("sampleSequences")
    void detectsEverySingleDigitError(long sequence) {
        String digits = TicketNumber.fromSequence(sequence).toString();
        for (int pos = 0; pos < digits.length(); pos++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != digits.charAt(pos)) {
                    String typo = digits.substring(0, pos) + d + digits.substring(pos + 1);
                    assertEquals(Optional.empty(), TicketNumber.parse(typo),
                            digits + " mistyped as " + typo);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sampleSequences")
    void detectsEveryAdjacentTransposition(long sequence) {
        String digits = TicketNumber.fromSequence(sequence).toString();
        for (int pos = 0; pos + 1 < digits.length(); pos++) {
            char a = digits.charAt(pos);
            char b = digits.charAt(pos + 1);
            if (a != b) {
                String swapped = digits.substring(0, pos) + b + a + digits.substring(pos + 2);
                assertEquals(Optional.empty(), TicketNumber.parse(swapped),
                        digits + " swapped to " + swapped);
            }
        }
    }

    @Test
    void everySequenceHasExactlyOneValidCheckDigit() {
        for (long seq = 1; seq <= 2000; seq++) {
            long valid = 0;
            for (int check = 0; check <= 9; check++) {
                valid += TicketNumber.parse(seq + "" + check).isPresent() ? 1 : 0;
            }
            assertEquals(1, valid, "sequence " + seq);
        }
        assertTrue(TicketNumber.parse("10019").isPresent());
    }
}
