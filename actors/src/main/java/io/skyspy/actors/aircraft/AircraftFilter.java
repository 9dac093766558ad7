package io.skyspy.actors.aircraft;

import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.Map;

/**
 * The {@code aircraft_list} request's filters. Altitude bounds compare the barometric altitude
 * (geometric when there is none); aircraft on the ground count as 0 ft for {@code max_altitude}
 * and never pass {@code min_altitude}.
 */
public record AircraftFilter(boolean militaryOnly, String category, Integer minAltitude, Integer maxAltitude)
        implements CborSerializable {

    public static final AircraftFilter ALL = new AircraftFilter(false, null, null, null);

    /** Reads the request params; wrong types raise {@link IllegalArgumentException} naming the parameter. */
    public static AircraftFilter fromParams(Map<String, Object> params) {
        return new AircraftFilter(
                bool(params.get("military_only")),
                params.get("category") == null ? null : params.get("category").toString(),
                integer(params, "min_altitude"),
                integer(params, "max_altitude"));
    }

    public boolean matches(AircraftState s) {
        if (militaryOnly && !s.military()) {
            return false;
        }
        if (category != null && !category.equalsIgnoreCase(s.text(AircraftField.CATEGORY))) {
            return false;
        }
        if (minAltitude != null || maxAltitude != null) {
            Integer alt = s.onGround() ? Integer.valueOf(0) : s.altitudeFt();
            if (alt == null) {
                return false;
            }
            if (minAltitude != null && (s.onGround() || alt < minAltitude)) {
                return false;
            }
            if (maxAltitude != null && alt > maxAltitude) {
                return false;
            }
        }
        return true;
    }

    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : v != null && ("true".equalsIgnoreCase(v.toString()) || "1".equals(v.toString()));
    }

    private static Integer integer(Map<String, Object> params, String name) {
        Object v = params.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return (int) Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name);
        }
    }
}
