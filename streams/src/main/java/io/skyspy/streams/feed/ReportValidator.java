package io.skyspy.streams.feed;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rejects reports no real receiver can produce, whichever feed they came from. A report is
 * rejected whole: one impossible value means the message was garbled, so its other values are
 * suspect too.
 */
public final class ReportValidator {
    public static final int MIN_ALTITUDE_FT = -2_000;
    public static final int MAX_ALTITUDE_FT = 100_000;

    private static final Pattern HEX = Pattern.compile("~?[0-9A-Fa-f]{6}");
    private static final Pattern SQUAWK = Pattern.compile("[0-7]{4}");
    // Mode S identification uses A-Z, 0-9 and space only; dump1090 and readsb drop anything else.
    private static final Pattern CALLSIGN = Pattern.compile("[A-Za-z0-9 ]{1,8}");
    private static final Pattern CATEGORY = Pattern.compile("[A-D][0-7]");
    private static final Set<String> EMERGENCIES =
            Set.of("general", "lifeguard", "minfuel", "nordo", "unlawful", "downed", "reserved");

    /** Why the report is impossible, or empty when it is fine. */
    public Optional<String> check(AircraftReport r) {
        return Optional.ofNullable(problem(r));
    }

    private static String problem(AircraftReport r) {
        if (!HEX.matcher(r.hex()).matches()) {
            return "hex is not 6 hex digits";
        }
        for (AircraftField f : AircraftField.values()) {
            Object v = r.get(f);
            if (v != null && !hasKind(f, v)) {
                return f.json() + " has the wrong type";
            }
        }
        Double lat = (Double) r.get(AircraftField.LAT);
        if (lat != null && !(lat >= -90 && lat <= 90)) {
            return "lat outside [-90, 90]";
        }
        Double lon = (Double) r.get(AircraftField.LON);
        if (lon != null && !(lon >= -180 && lon <= 180)) {
            return "lon outside [-180, 180]";
        }
        Double gs = (Double) r.get(AircraftField.GS);
        if (gs != null && !(gs >= 0 && Double.isFinite(gs))) {
            return "gs negative";
        }
        Double track = (Double) r.get(AircraftField.TRACK);
        if (track != null && !(track >= 0 && track <= 360)) {
            return "track outside [0, 360]";
        }
        if (r.get(AircraftField.ALT_BARO) instanceof Integer ft && outOfRange(ft)) {
            return "alt_baro outside [" + MIN_ALTITUDE_FT + ", " + MAX_ALTITUDE_FT + "] ft";
        }
        if (r.get(AircraftField.ALT_GEOM) instanceof Integer ft && outOfRange(ft)) {
            return "alt_geom outside [" + MIN_ALTITUDE_FT + ", " + MAX_ALTITUDE_FT + "] ft";
        }
        if (!matches(SQUAWK, r.get(AircraftField.SQUAWK))) {
            return "squawk is not 4 octal digits";
        }
        if (!matches(CALLSIGN, r.get(AircraftField.FLIGHT))) {
            return "flight is not a callsign";
        }
        if (!matches(CATEGORY, r.get(AircraftField.CATEGORY))) {
            return "category is not A0-D7";
        }
        Object emergency = r.get(AircraftField.EMERGENCY);
        if (emergency != null && !EMERGENCIES.contains(emergency)) {
            return "unknown emergency";
        }
        return null;
    }

    private static boolean outOfRange(int feet) {
        return feet < MIN_ALTITUDE_FT || feet > MAX_ALTITUDE_FT;
    }

    private static boolean matches(Pattern p, Object value) {
        return value == null || p.matcher((String) value).matches();
    }

    private static boolean hasKind(AircraftField f, Object v) {
        return switch (f.kind()) {
            case TEXT -> v instanceof String;
            case DECIMAL -> v instanceof Double;
            case INTEGER -> v instanceof Integer;
            case ALTITUDE -> v instanceof Integer || AircraftField.GROUND.equals(v);
            case FLAG -> v instanceof Boolean;
        };
    }
}
