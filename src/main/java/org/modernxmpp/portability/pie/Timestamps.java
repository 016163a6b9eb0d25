package org.modernxmpp.portability.pie;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** XEP-0082 date-times as XEP-0203 delays carry them, and the legacy XEP-0091 form old servers still store. */
public final class Timestamps {
    private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

    private Timestamps() {
    }

    /** Parses a stamp, or returns null when it is not a valid date-time. */
    public static Instant parse(String stamp) {
        if (stamp == null) {
            return null;
        }
        String value = stamp.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value, LEGACY).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException legacy) {
                return null;
            }
        }
    }

    /** UTC with as many fraction digits as needed, as XEP-0082 allows. */
    public static String format(Instant instant) {
        return instant.toString();
    }
}
