package io.skyspy.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyspy.protocol.CborSerializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The merged picture of one aircraft at one moment. Immutable: every change makes a new state,
 * so a state can be shared between the entity, the views and the serializers without copying.
 *
 * @param hex ICAO address, upper case
 * @param values field values indexed by {@link AircraftField#ordinal()}, null when unknown
 * @param positionAt epoch millis when the current position was measured, 0 when unknown
 * @param lastSeen epoch millis of the newest report
 */
public record AircraftState(
        @JsonProperty("hex") String hex,
        @JsonProperty("values") Object[] values,
        @JsonProperty("positionAt") long positionAt,
        @JsonProperty("lastSeen") long lastSeen)
        implements CborSerializable {

    @JsonCreator
    public AircraftState {
        Objects.requireNonNull(hex, "hex");
        if (values.length != AircraftField.COUNT) {
            values = Arrays.copyOf(values, AircraftField.COUNT);
        }
    }

    public static AircraftState empty(String hex) {
        return new AircraftState(hex, new Object[AircraftField.COUNT], 0, 0);
    }

    public Object get(AircraftField field) {
        return values[field.ordinal()];
    }

    /** {@code hex} and every known field by its wire name, in field order: a JSON-ready map for replies and alerts. */
    public Map<String, Object> wireMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hex", hex);
        for (AircraftField f : AircraftField.values()) {
            Object v = get(f);
            if (v != null) {
                m.put(f.json(), v);
            }
        }
        return m;
    }

    public Double decimal(AircraftField field) {
        Object v = values[field.ordinal()];
        return v instanceof Number n ? n.doubleValue() : null;
    }

    public String text(AircraftField field) {
        Object v = values[field.ordinal()];
        return v == null ? null : v.toString();
    }

    public boolean hasPosition() {
        return get(AircraftField.LAT) != null && get(AircraftField.LON) != null;
    }

    /** True when {@code alt_baro} is the text {@code "ground"}: such an aircraft is not airborne at 0 ft. */
    public boolean onGround() {
        return AircraftField.GROUND.equals(get(AircraftField.ALT_BARO));
    }

    /** Barometric altitude in feet, else geometric; null on the ground or when unknown. */
    public Integer altitudeFt() {
        Object baro = get(AircraftField.ALT_BARO);
        if (baro instanceof Number n) {
            return n.intValue();
        }
        if (AircraftField.GROUND.equals(baro)) {
            return null;
        }
        Object geom = get(AircraftField.ALT_GEOM);
        return geom instanceof Number n ? n.intValue() : null;
    }

    public boolean military() {
        return Boolean.TRUE.equals(get(AircraftField.IS_MILITARY));
    }

    /** A copy with the given values; {@code null} entries in {@code changes} leave a field alone. */
    public AircraftState with(Object[] changes, long newPositionAt, long newLastSeen) {
        Object[] next = values.clone();
        for (int i = 0; i < next.length; i++) {
            if (changes[i] != null) {
                next[i] = changes[i];
            }
        }
        return new AircraftState(hex, next, newPositionAt, newLastSeen);
    }

    /**
     * The tracked fields whose value differs from {@code previous}: what a client that saw
     * {@code previous} needs to arrive at this state.
     */
    public AircraftChanges changesSince(AircraftState previous) {
        Object[] diff = new Object[AircraftField.COUNT];
        boolean any = false;
        for (AircraftField f : AircraftField.values()) {
            int i = f.ordinal();
            if (f.tracked() && values[i] != null && !values[i].equals(previous.values[i])) {
                diff[i] = values[i];
                any = true;
            }
        }
        return any ? new AircraftChanges(hex, diff) : AircraftChanges.none(hex);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AircraftState s
                && s.hex.equals(hex)
                && s.positionAt == positionAt
                && s.lastSeen == lastSeen
                && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return hex.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AircraftState[").append(hex);
        for (AircraftField f : AircraftField.values()) {
            if (values[f.ordinal()] != null) {
                sb.append(' ').append(f.json()).append('=').append(values[f.ordinal()]);
            }
        }
        return sb.append(']').toString();
    }
}
