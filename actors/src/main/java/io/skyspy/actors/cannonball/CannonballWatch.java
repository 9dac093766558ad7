package io.skyspy.actors.cannonball;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.model.Geo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cannonball user's watch: where the phone is, how far out to look, and how far each threat
 * was at the last look (for its trend). Owned by the user's session; not thread-safe.
 *
 * <p>The trend compares the aircraft's distance with its distance at the previous update (the
 * spec: more than 0.05 nm closer is approaching). The original compared the user's own two
 * positions instead, so a parked user never saw anything approach (FACTS.md 1.5).
 */
public final class CannonballWatch {
    static final double TREND_THRESHOLD_NM = 0.05;
    private static final List<String> LEVELS = List.of("critical", "warning", "info");

    private Double lat;
    private Double lon;
    private Double heading;
    private double radiusNm;
    private Map<String, Double> lastDistances = Map.of();

    public CannonballWatch(double radiusNm) {
        this.radiusNm = radiusNm;
    }

    /** @param heading degrees the user faces, or null to keep the last one */
    public void moveTo(double lat, double lon, Double heading) {
        this.lat = lat;
        this.lon = lon;
        if (heading != null) {
            this.heading = Geo.normalizeDegrees(heading);
        }
    }

    public void radiusNm(double radiusNm) {
        this.radiusNm = radiusNm;
    }

    public boolean hasPosition() {
        return lat != null;
    }

    /** {@code {"lat":..,"lon":..}}, or null before the first position. */
    public Map<String, Object> position() {
        if (lat == null) {
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lat", lat);
        p.put("lon", lon);
        return p;
    }

    /**
     * The threats within the radius, most severe first, then nearest first, in the spec's shape.
     * Remembers each one's distance for the next trend.
     */
    public List<Map<String, Object>> assess(Collection<AircraftState> aircraft) {
        if (lat == null) {
            return List.of();
        }
        List<Map<String, Object>> threats = new ArrayList<>();
        Map<String, Double> distances = new HashMap<>();
        for (AircraftState a : aircraft) {
            if (!a.hasPosition()) {
                continue;
            }
            double aLat = a.decimal(AircraftField.LAT);
            double aLon = a.decimal(AircraftField.LON);
            double distance = Geo.distanceNm(lat, lon, aLat, aLon);
            if (distance > radiusNm) {
                continue;
            }
            ThreatClassifier.classify(a).ifPresent(id -> {
                distances.put(a.hex(), distance);
                threats.add(threat(a, id, aLat, aLon, distance, trend(lastDistances.get(a.hex()), distance)));
            });
        }
        lastDistances = distances;
        threats.sort(Comparator.<Map<String, Object>>comparingInt(t -> LEVELS.indexOf(t.get("threat_level")))
                .thenComparingDouble(t -> (Double) t.get("distance_nm")));
        return threats;
    }

    static String trend(Double before, double now) {
        if (before == null) {
            return "unknown";
        }
        double change = now - before;
        return change < -TREND_THRESHOLD_NM ? "approaching" : change > TREND_THRESHOLD_NM ? "departing" : "holding";
    }

    private Map<String, Object> threat(AircraftState a, ThreatClassifier.Identity id, double aLat, double aLon,
            double distance, String trend) {
        double bearing = Geo.bearingDeg(lat, lon, aLat, aLon);
        String callsign = a.text(AircraftField.FLIGHT);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("hex", a.hex());
        t.put("callsign", callsign == null ? null : callsign.trim());
        t.put("category", id.kind().category());
        t.put("description", id.description());
        t.put("distance_nm", round(distance, 100));
        t.put("bearing", round(bearing, 10));
        t.put("relative_bearing", round(Geo.normalizeDegrees(bearing - (heading == null ? 0 : heading)), 10));
        t.put("direction", Geo.compass(bearing));
        t.put("altitude", a.altitudeFt());
        t.put("ground_speed", a.get(AircraftField.GS));
        t.put("vertical_rate", a.get(AircraftField.BARO_RATE));
        t.put("trend", trend);
        t.put("threat_level", ThreatClassifier.threatLevel(id, distance));
        t.put("is_law_enforcement", id.lawEnforcement());
        t.put("is_helicopter", id.helicopter());
        t.put("confidence", id.confidence());
        t.put("aircraft_type", a.text(AircraftField.TYPE_CODE));
        t.put("registration", a.text(AircraftField.REGISTRATION));
        t.put("lat", aLat);
        t.put("lon", aLon);
        return t;
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
