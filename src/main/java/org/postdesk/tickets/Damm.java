package org.postdesk.tickets;

/**
 * The Damm check-digit algorithm over decimal digits.
 *
 * <p>Chosen over Luhn because its quasigroup detects every single-digit error and every
 * adjacent transposition, which are the two mistakes people make when retyping a number.
 */
final class Damm {

    // The totally anti-symmetric quasigroup of order 10 from H. Michael Damm's thesis (2004).
    private static final int[][] TABLE = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
        {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
        {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
        {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
        {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
        {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
        {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    private Damm() {
    }

    /** The check digit to append to {@code digits} (ASCII digits only). */
    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = TABLE[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    /** Whether {@code digits}, whose last digit is the check digit, is consistent. */
    static boolean isValid(String digits) {
        return !digits.isEmpty() && checkDigit(digits) == 0;
    }
}
