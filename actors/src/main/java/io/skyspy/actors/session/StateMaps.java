package io.skyspy.actors.session;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.LinkedHashMap;
import java.util.Map;

/** An aircraft state as a JSON-ready map, for request responses (broadcasts use the streaming encoder). */
final class StateMaps {
    private StateMaps() {}

    static Map<String, Object> of(AircraftState s) {
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
