package io.skyspy.actors.safety;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;

/** Aircraft states for rule tests, built field by field. */
final class States {
    private final Object[] values = new Object[AircraftField.COUNT];
    private final String hex;
    private long positionAt;

    private States(String hex) {
        this.hex = hex;
    }

    static States of(String hex) {
        return new States(hex);
    }

    States set(AircraftField f, Object v) {
        values[f.ordinal()] = v;
        return this;
    }

    States at(double lat, double lon, long when) {
        values[AircraftField.LAT.ordinal()] = lat;
        values[AircraftField.LON.ordinal()] = lon;
        positionAt = when;
        return this;
    }

    States alt(Object altitude) {
        return set(AircraftField.ALT_BARO, altitude);
    }

    States moving(double gs, double track, int vr) {
        set(AircraftField.GS, gs);
        set(AircraftField.TRACK, track);
        return set(AircraftField.BARO_RATE, vr);
    }

    AircraftState build() {
        return new AircraftState(hex, values.clone(), positionAt, positionAt);
    }
}
