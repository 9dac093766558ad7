package io.skyspy.actors.safety;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One aircraft as the per-aircraft rules see it.
 *
 * @param raSeenAt epoch millis of the last report that carried a TCAS advisory, {@link #NEVER} if none
 * @param emergencySeenAt epoch millis of the last report that carried an emergency status, {@link #NEVER} if none
 */
public record Observation(AircraftState state, long now, long raSeenAt, long emergencySeenAt) {
    /** No report carried it yet. */
    public static final long NEVER = Long.MIN_VALUE;

    /** True when a report carried it at most {@code holdMillis} ago. */
    public static boolean within(long seenAt, long now, long holdMillis) {
        return seenAt != NEVER && now - seenAt <= holdMillis;
    }

    public String hex() {
        return state.hex();
    }

    /** The callsign without padding, or null. */
    public String callsign() {
        String f = state.text(AircraftField.FLIGHT);
        return f == null || f.isBlank() ? null : f.strip();
    }

    /** Barometric rate, else geometric; null when unknown. */
    public Integer verticalRate() {
        Object baro = state.get(AircraftField.BARO_RATE);
        if (baro instanceof Number n) {
            return n.intValue();
        }
        Object geom = state.get(AircraftField.GEOM_RATE);
        return geom instanceof Number n ? n.intValue() : null;
    }

    /** The facts every event carries: squawk, altitude ({@code "ground"} on the ground) and position. */
    public Map<String, Object> baseDetails() {
        Map<String, Object> d = new LinkedHashMap<>();
        String squawk = state.text(AircraftField.SQUAWK);
        if (squawk != null) {
            d.put("squawk", squawk);
        }
        d.put("altitude", state.onGround() ? AircraftField.GROUND : state.altitudeFt());
        if (state.hasPosition()) {
            Map<String, Object> pos = new LinkedHashMap<>();
            pos.put("lat", state.decimal(AircraftField.LAT));
            pos.put("lon", state.decimal(AircraftField.LON));
            d.put("position", pos);
        }
        return d;
    }
}
