package io.skyspy.streams.feed;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses SBS-1 / BaseStation lines (dump1090 and readsb port 30003) into reports.
 *
 * <p>Every field in the standard 22-field layout is read whatever the transmission type, so a
 * producer that fills more fields than the BaseStation convention loses nothing. The line's own
 * dates are ignored: dump1090-fa writes local time without a zone, so the receive time is the
 * injected clock.
 */
public final class SbsParser {
    private static final int FIELDS = 22;
    /** BaseStation message classes other than MSG: they describe the session, not aircraft. */
    private static final Set<String> OTHER_CLASSES = Set.of("SEL", "ID", "AIR", "STA", "CLK");
    /** dump1090 sets the emergency flag for these squawks; the squawk says which emergency. */
    private static final Map<String, String> EMERGENCY_SQUAWKS =
            Map.of("7500", "unlawful", "7600", "nordo", "7700", "general");
    // Strict patterns instead of Double.parseDouble alone, which also takes "NaN", "1e308", "0x1p3" and "5d".
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,9}(\\.\\d{1,12})?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");

    private final String source;
    private final Clock clock;

    public SbsParser(String source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ParseResult parse(String line) {
        if (line == null || line.isBlank()) {
            return ParseResult.IGNORED; // the heartbeat is an empty line
        }
        int firstComma = line.indexOf(',');
        String messageClass = (firstComma < 0 ? line : line.substring(0, firstComma)).strip();
        if (OTHER_CLASSES.contains(messageClass)) {
            return ParseResult.IGNORED;
        }
        if (!messageClass.equals("MSG")) {
            return ParseResult.rejected("not an SBS message");
        }
        String[] f = line.strip().split(",", -1);
        if (f.length < FIELDS) {
            return ParseResult.rejected("SBS line has " + f.length + " fields, expected " + FIELDS);
        }
        try {
            return ParseResult.parsed(report(f));
        } catch (FieldRejected e) {
            return ParseResult.rejected(e.getMessage());
        }
    }

    private AircraftReport report(String[] f) throws FieldRejected {
        Integer type = integer(f[1], "transmission type");
        if (type == null || type < 1 || type > 8) {
            throw new FieldRejected("transmission type must be 1-8");
        }
        String hex = f[4].strip().toUpperCase(Locale.ROOT);
        if (hex.isEmpty()) {
            throw new FieldRejected("missing hex");
        }
        AircraftReport.Builder b = AircraftReport.builder(source, hex, clock.millis());
        String callsign = f[10].strip();
        if (!callsign.isEmpty()) {
            b.set(AircraftField.FLIGHT, callsign);
        }
        altitude(f[11].strip(), b);
        b.set(AircraftField.GS, decimal(f[12], "gs"));
        b.set(AircraftField.TRACK, decimal(f[13], "track"));
        Double lat = decimal(f[14], "lat");
        Double lon = decimal(f[15], "lon");
        if ((lat == null) != (lon == null)) {
            throw new FieldRejected("lat and lon must come together");
        }
        if (lat != null) {
            b.position(lat, lon, clock.millis());
        }
        // SBS has one vertical-rate column; dump1090 fills it from the barometric rate when it has one.
        b.set(AircraftField.BARO_RATE, integer(f[16], "vrate"));
        String squawk = f[17].strip();
        if (!squawk.isEmpty()) {
            b.set(AircraftField.SQUAWK, squawk);
        }
        flag(f[18], "alert");
        // readsb may put a receiver count into the emergency column: only -1 means "emergency".
        if (Boolean.TRUE.equals(flag(f[19], "emergency"))) {
            String emergency = EMERGENCY_SQUAWKS.get(squawk);
            if (emergency != null) {
                b.set(AircraftField.EMERGENCY, emergency);
            }
        }
        flag(f[20], "spi");
        if (Boolean.TRUE.equals(flag(f[21], "onground"))) {
            b.set(AircraftField.ALT_BARO, AircraftField.GROUND);
        }
        return b.build();
    }

    /** dump1090 writes the geometric altitude with an {@code H} suffix when it has no barometric one. */
    private static void altitude(String text, AircraftReport.Builder b) throws FieldRejected {
        if (text.isEmpty()) {
            return;
        }
        boolean geometric = text.endsWith("H");
        Integer feet = integer(geometric ? text.substring(0, text.length() - 1) : text, "altitude");
        b.set(geometric ? AircraftField.ALT_GEOM : AircraftField.ALT_BARO, feet);
    }

    private static Double decimal(String text, String name) throws FieldRejected {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new FieldRejected(name + " is not a number");
        }
        return Double.parseDouble(t);
    }

    private static Integer integer(String text, String name) throws FieldRejected {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!INTEGER.matcher(t).matches()) {
            throw new FieldRejected(name + " is not an integer");
        }
        return Integer.parseInt(t);
    }

    /**
     * BaseStation flags: -1 true, 0 false, empty unknown. Other numbers are producer extensions
     * (readsb's receiver count or EPU) and mean "not set".
     */
    private static Boolean flag(String text, String name) throws FieldRejected {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new FieldRejected(name + " flag is not a number");
        }
        return t.equals("-1");
    }
}
