package org.postdesk.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header section of one MIME entity as read from the wire: names as written, values unfolded,
 * one char per byte (ISO-8859-1), not decoded.
 */
final class HeaderFields {

    /** One header line. */
    record Field(String name, String value) {
    }

    private final List<Field> fields;

    HeaderFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    List<Field> all() {
        return fields;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The first value of a header (case-insensitive), or null. */
    String first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** Every value of a header, in order. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                values.add(f.value());
            }
        }
        return values;
    }

    /** Lower-case form used as the key of {@link InboundMessage#headers()}. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
