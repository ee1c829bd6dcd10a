package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "John Doe <John.Doe@Example.COM>          | john.doe@example.com | John Doe",
        "'  bare@example.com  '                   | bare@example.com     | NULL",
        "\"Doe, John\" <john@example.com>         | john@example.com     | Doe, John",
        "john@example.com (John Doe)              | john@example.com     | John Doe",
        "=?UTF-8?B?0JDQvdC90LA=?= <anna@example.ru> | anna@example.ru    | Анна",
        "=?x-unknown?Q?Bob?= <bob@example.com>    | bob@example.com      | Bob",
        "Broken <broken@example.com               | broken@example.com   | NULL",
        "a@example.com, b@example.com             | a@example.com        | NULL",
        // the brackets name the address even when its local part is unquoted words; never a part of it
        "\"Pat Doe\" <pat doe@example.com>          | pat doe@example.com  | Pat Doe",
        "Pat <pat   doe@example.com>              | pat doe@example.com  | Pat",
        // a quoted local part is valid RFC 5322; a stray closing bracket after it is dropped
        "'\"jo ann\"@example.org'                  | \"jo ann\"@example.org | NULL",
        "'\"Lottery Office\"@example.com>'         | \"lottery office\"@example.com | NULL",
        "Pat <\"pat doe\"@example.com>            | \"pat doe\"@example.com | Pat",
        // without brackets the address-like word is the address
        "John Smith john@example.com              | john@example.com     | NULL",
    })
    void parsesLeniently(String text, String address, String name) {
        assertEquals(Optional.of(new MailAddress(address, name)), MailAddress.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "undisclosed-recipients:;", "no address here", "MAILER-DAEMON"})
    void nothingAddressLikeGivesEmpty(String text) {
        assertTrue(MailAddress.parse(text).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Анна           | Анна <anna@example.ru>",
        "O'Brien, Pat   | \"O'Brien, Pat\" <anna@example.ru>",
    })
    void toStringQuotesNamesOnlyWhenNeeded(String name, String display) {
        assertEquals(display, new MailAddress("anna@example.ru", name).toString());
    }
}
