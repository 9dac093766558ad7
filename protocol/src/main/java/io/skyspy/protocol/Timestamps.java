package io.skyspy.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ISO-8601 UTC timestamps with exactly three fraction digits, as every example in the spec. */
public final class Timestamps {
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String iso(long epochMillis) {
        return MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    public static long parse(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
