package org.postdesk.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient address-list parsing: Jakarta Mail's non-strict parser first (quotes, comments, groups), and
 * when it gives up, whatever looks like {@code local@domain} in the text.
 */
final class AddressParsing {

    private static final Pattern ADDRESS_LIKE = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w.-]+\\.[\\w-]+");
    /** A dot-atom-ish or a quoted local part ({@code "jo ann"@example.org}, valid RFC 5322), then a domain. */
    private static final Pattern VALID =
            Pattern.compile("(?:\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"|[^\\s@<>()\",;]+)@[^\\s@<>()\",;]+");
    /**
     * An address in angle brackets whose local part is several words without quotes ({@code <pat doe@example.com>}):
     * not valid RFC 5322, but the brackets say it is the address the sender wrote. Python's {@code email} and other help desks keep it as
     * written; picking the address-like tail out of it instead ({@code doe@example.com}) would name somebody
     * else as the sender and send them the acknowledgement.
     */
    private static final Pattern SPACED_LOCAL_PART = Pattern.compile("[^@<>()\",;]+@[^\\s@<>()\",;]+");

    private AddressParsing() {
    }

    /** Parses a header value (8-bit already fixed, encoded words still encoded); never throws. */
    static List<MailAddress> parseList(String text) {
        List<MailAddress> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        try {
            for (InternetAddress a : InternetAddress.parseHeader(text, false)) {
                addWithGroup(a, result, text);
            }
        } catch (AddressException | RuntimeException e) {
            result.clear();
        }
        return result.isEmpty() ? addressLike(text) : result;
    }

    /** Last resort for text the parser rejects, e.g. {@code Name <a@b.example} with no closing bracket. */
    private static List<MailAddress> addressLike(String text) {
        List<MailAddress> result = new ArrayList<>();
        Matcher m = ADDRESS_LIKE.matcher(text);
        while (m.find()) {
            result.add(new MailAddress(m.group(), null));
        }
        return result;
    }

    private static void addWithGroup(InternetAddress a, List<MailAddress> result, String text)
            throws AddressException {
        if (a.isGroup()) {
            for (InternetAddress member : a.getGroup(false)) {
                add(member, result, text);
            }
        } else {
            add(a, result, text);
        }
    }

    private static void add(InternetAddress a, List<MailAddress> result, String text) {
        String address = a.getAddress() == null ? "" : a.getAddress().strip();
        if (address.endsWith(">") && address.indexOf('<') < 0) {
            // A stray closing bracket ("Lottery"@example.com>): Jakarta Mail keeps it, Python's email drops it.
            address = address.replaceAll(">+$", "");
        }
        if (!VALID.matcher(address).matches()) {
            // Bare "John Smith john@example.com" is left to the address-like scan, which finds john@example.com.
            if (!SPACED_LOCAL_PART.matcher(address).matches() || !text.contains("<" + address + ">")) {
                return;
            }
            address = address.replaceAll("\\s+", " ");
        }
        // Decode again ourselves: Jakarta Mail leaves malformed or unknown-charset words encoded.
        String name = EncodedWords.decode(a.getPersonal(), new ArrayList<>());
        result.add(new MailAddress(address, name));
    }
}
