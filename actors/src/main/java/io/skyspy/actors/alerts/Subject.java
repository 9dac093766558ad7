package io.skyspy.actors.alerts;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.Locale;
import java.util.Set;

/** What an alert condition looks at, and how it reads it from an aircraft. */
public enum Subject {
    ALTITUDE(Kind.NUMBER),
    SPEED(Kind.NUMBER),
    VERTICAL_RATE(Kind.NUMBER),
    /** {@code distance_nm} from the receiver. */
    DISTANCE(Kind.NUMBER),
    CALLSIGN(Kind.TEXT),
    REGISTRATION(Kind.TEXT),
    HEX(Kind.TEXT),
    SQUAWK(Kind.TEXT),
    AIRCRAFT_TYPE(Kind.TEXT),
    OPERATOR(Kind.TEXT),
    CATEGORY(Kind.TEXT),
    MILITARY(Kind.FLAG),
    /** An emergency squawk (7500/7600/7700) or an ADS-B emergency status. */
    EMERGENCY(Kind.FLAG),
    ON_GROUND(Kind.FLAG);

    public enum Kind { NUMBER, TEXT, FLAG }

    private static final Set<String> EMERGENCY_SQUAWKS = Set.of("7500", "7600", "7700");
    private static final Set<String> NOT_EMERGENCIES = Set.of("none", "reserved");

    private final Kind kind;

    Subject(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The number this subject reads, or null when unknown. An aircraft on the ground has no
     * altitude: {@code alt_baro: "ground"} is not 0 ft, so "below 1000 ft" does not match taxiing traffic.
     */
    public Double number(AircraftState s) {
        return switch (this) {
            case ALTITUDE -> s.altitudeFt() == null ? null : s.altitudeFt().doubleValue();
            case SPEED -> s.decimal(AircraftField.GS);
            case VERTICAL_RATE -> {
                Double baro = s.decimal(AircraftField.BARO_RATE);
                yield baro != null ? baro : s.decimal(AircraftField.GEOM_RATE);
            }
            case DISTANCE -> s.decimal(AircraftField.DISTANCE_NM);
            default -> null;
        };
    }

    /** The text this subject reads, stripped, or null when unknown. */
    public String text(AircraftState s) {
        String v = switch (this) {
            case CALLSIGN -> s.text(AircraftField.FLIGHT);
            case REGISTRATION -> s.text(AircraftField.REGISTRATION);
            case HEX -> s.hex();
            case SQUAWK -> s.text(AircraftField.SQUAWK);
            case AIRCRAFT_TYPE -> s.text(AircraftField.TYPE_CODE);
            case OPERATOR -> s.text(AircraftField.OPERATOR);
            case CATEGORY -> s.text(AircraftField.CATEGORY);
            default -> null;
        };
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The flag this subject reads; never unknown (absent means false). */
    public boolean flag(AircraftState s) {
        return switch (this) {
            case MILITARY -> s.military() || (s.get(AircraftField.DB_FLAGS) instanceof Integer f && (f & 1) != 0);
            case EMERGENCY -> EMERGENCY_SQUAWKS.contains(s.text(AircraftField.SQUAWK))
                    || (s.text(AircraftField.EMERGENCY) != null && !NOT_EMERGENCIES.contains(s.text(AircraftField.EMERGENCY)));
            case ON_GROUND -> s.onGround();
            default -> false;
        };
    }
}
