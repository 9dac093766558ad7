package io.skyspy.actors.aircraft;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.function.UnaryOperator;

/**
 * Adds what the aircraft database knows (registration, type, operator, military) to a newly
 * seen aircraft. Feed values win: a receiver's own database may be newer than ours.
 */
public final class AircraftEnricher implements UnaryOperator<AircraftState> {
    private final AircraftDatabase db;

    public AircraftEnricher(AircraftDatabase db) {
        this.db = db;
    }

    @Override
    public AircraftState apply(AircraftState s) {
        Object[] add = new Object[AircraftField.COUNT];
        db.lookup(s.hex()).ifPresent(info -> {
            fill(s, add, AircraftField.REGISTRATION, info.registration());
            fill(s, add, AircraftField.TYPE_CODE, info.typeCode());
            fill(s, add, AircraftField.OPERATOR, info.operator());
        });
        if (db.isMilitary(s.hex())) {
            add[AircraftField.IS_MILITARY.ordinal()] = Boolean.TRUE;
        } else if (s.get(AircraftField.IS_MILITARY) == null) {
            add[AircraftField.IS_MILITARY.ordinal()] = Boolean.FALSE;
        }
        return s.with(add, s.positionAt(), s.lastSeen());
    }

    private static void fill(AircraftState s, Object[] add, AircraftField f, String value) {
        if (value != null && !value.isBlank() && s.get(f) == null) {
            add[f.ordinal()] = value;
        }
    }
}
