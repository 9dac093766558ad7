package io.skyspy.actors.aircraft;

import io.skyspy.protocol.Timestamps;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Live statistics over the tracked aircraft ({@code aircraft-stats}): totals, military,
 * emergencies, categories and altitude bands (ground, below 10,000 ft, below 30,000 ft, above).
 * "ground" means {@code alt_baro: "ground"} or below 100 ft, never a missing altitude.
 */
public final class AircraftStatistics {
    private static final Set<String> EMERGENCY_SQUAWKS = Set.of("7500", "7600", "7700");

    private AircraftStatistics() {}

    public static Map<String, Object> of(Collection<AircraftState> aircraft, long now) {
        int withPosition = 0;
        int military = 0;
        List<Map<String, Object>> emergencies = new ArrayList<>();
        Map<String, Integer> categories = new TreeMap<>();
        int ground = 0;
        int low = 0;
        int medium = 0;
        int high = 0;
        for (AircraftState s : aircraft) {
            if (s.hasPosition()) {
                withPosition++;
            }
            if (s.military()) {
                military++;
            }
            String squawk = s.text(AircraftField.SQUAWK);
            if (squawk != null && EMERGENCY_SQUAWKS.contains(squawk)) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("hex", s.hex());
                e.put("flight", s.text(AircraftField.FLIGHT));
                e.put("squawk", squawk);
                emergencies.add(e);
            }
            String category = s.text(AircraftField.CATEGORY);
            if (category != null) {
                categories.merge(category, 1, Integer::sum);
            }
            Integer alt = s.altitudeFt();
            if (s.onGround() || (alt != null && alt < 100)) {
                ground++;
            } else if (alt != null && alt < 10_000) {
                low++;
            } else if (alt != null && alt < 30_000) {
                medium++;
            } else if (alt != null) {
                high++;
            }
        }
        Map<String, Object> altitude = new LinkedHashMap<>();
        altitude.put("ground", ground);
        altitude.put("low", low);
        altitude.put("medium", medium);
        altitude.put("high", high);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", aircraft.size());
        out.put("with_position", withPosition);
        out.put("military", military);
        out.put("emergency", emergencies);
        out.put("categories", categories);
        out.put("altitude", altitude);
        out.put("timestamp", Timestamps.iso(now));
        return out;
    }
}
