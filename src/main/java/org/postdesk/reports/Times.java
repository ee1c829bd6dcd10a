package org.postdesk.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** jOOQ maps TIMESTAMP WITH TIME ZONE to OffsetDateTime; reports speak Instant (as the store does). */
final class Times {
    private Times() {
    }

    static OffsetDateTime toDb(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant fromDb(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
