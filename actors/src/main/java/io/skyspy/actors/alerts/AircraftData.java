package io.skyspy.actors.alerts;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.LinkedHashMap;
import java.util.Map;

/** An aircraft as {@code aircraft_data} of an alert: {@code hex} and every known field by its wire name. */
public final class AircraftData {
    private AircraftData() {}

    public static Map<String, Object> of(AircraftState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hex", s.hex());
        for (AircraftField f : AircraftField.values()) {
            Object v = s.get(f);
            if (v != null) {
                m.put(f.json(), v);
            }
        }
        return m;
    }
}
