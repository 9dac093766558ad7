package io.skyspy.actors.cannonball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.model.Geo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CannonballWatchTest {
    private static final double LAT = 34.05;
    private static final double LON = -118.25;

    /** An aircraft {@code nm} from the user on {@code bearing}. */
    private static AircraftState at(String hex, String callsign, String type, double bearing, double nm) {
        Geo.Point p = Geo.destination(LAT, LON, bearing, nm);
        Object[] v = ThreatClassifierTest.aircraft(callsign, null, type, null).values().clone();
        v[AircraftField.LAT.ordinal()] = p.lat();
        v[AircraftField.LON.ordinal()] = p.lon();
        v[AircraftField.ALT_BARO.ordinal()] = 1500;
        v[AircraftField.GS.ordinal()] = 80.0;
        return new AircraftState(hex, v, 1, 1);
    }

    @Test
    void nothingIsAssessedBeforeThePhoneSaysWhereItIs() {
        CannonballWatch w = new CannonballWatch(25);
        assertFalse(w.hasPosition());
        assertNull(w.position());
        assertEquals(List.of(), w.assess(List.of(at("A00001", "CHP1", null, 0, 1))));
    }

    @Test
    void threatsWithinTheRadiusMostSevereThenNearestFirstInTheSpecsShape() {
        CannonballWatch w = new CannonballWatch(10);
        w.moveTo(LAT, LON, 90.0);
        List<Map<String, Object>> threats = w.assess(List.of(
                at("A00001", "N1234", "R44", 45, 1.0),      // helicopter: warning within 3 nm
                at("A00002", "CHP7", null, 180, 4.0),       // police: warning within 5 nm
                at("A00003", "CHP8", null, 270, 1.5),       // police: critical within 2 nm
                at("A00004", "UAL1", "B738", 0, 0.5),       // an airliner: not a threat
                at("A00005", "CHP9", null, 0, 12.0)));      // beyond the radius
        // both warnings: the nearer first
        assertEquals(List.of("A00003", "A00001", "A00002"), threats.stream().map(t -> t.get("hex")).toList());
        Map<String, Object> first = threats.get(0);
        assertEquals(List.of("hex", "callsign", "category", "description", "distance_nm", "bearing", "relative_bearing",
                "direction", "altitude", "ground_speed", "vertical_rate", "trend", "threat_level", "is_law_enforcement",
                "is_helicopter", "confidence", "aircraft_type", "registration", "lat", "lon"), List.copyOf(first.keySet()));
        assertEquals("CHP8", first.get("callsign"));
        assertEquals("Law Enforcement", first.get("category"));
        assertEquals(1.5, (Double) first.get("distance_nm"), 0.01);
        assertEquals(270.0, (Double) first.get("bearing"), 0.2);
        assertEquals(180.0, (Double) first.get("relative_bearing"), 0.2, "bearing minus the user's heading of 90");
        assertEquals("W", first.get("direction"));
        assertEquals(1500, first.get("altitude"));
        assertEquals("critical", first.get("threat_level"));
        assertEquals(true, first.get("is_law_enforcement"));
        assertEquals("unknown", first.get("trend"), "first observation");
        assertEquals("warning", threats.get(1).get("threat_level"));
        assertEquals(true, threats.get(1).get("is_helicopter"));
        assertEquals("warning", threats.get(2).get("threat_level"));
    }

    @Test
    void theTrendComparesEachAircraftsDistanceWithTheLastLook() {
        CannonballWatch w = new CannonballWatch(25);
        w.moveTo(LAT, LON, null);
        w.assess(List.of(at("A00001", "CHP1", null, 0, 3.0), at("A00002", "CHP2", null, 90, 3.0), at("A00003", "CHP3", null, 180, 3.0)));
        List<Map<String, Object>> next = w.assess(List.of(
                at("A00001", "CHP1", null, 0, 2.9), at("A00002", "CHP2", null, 90, 3.2), at("A00003", "CHP3", null, 180, 3.04)));
        Map<Object, Object> trends = Map.of(next.get(0).get("hex"), next.get(0).get("trend"),
                next.get(1).get("hex"), next.get(1).get("trend"), next.get(2).get("hex"), next.get(2).get("trend"));
        assertEquals(Map.of("A00001", "approaching", "A00002", "departing", "A00003", "holding"), trends);
    }

    @Test
    void aSmallerRadiusDropsWhatIsNowOutside() {
        CannonballWatch w = new CannonballWatch(25);
        w.moveTo(LAT, LON, null);
        AircraftState police = at("A00001", "CHP1", null, 0, 3.0);
        assertEquals(1, w.assess(List.of(police)).size());
        w.radiusNm(2);
        assertEquals(List.of(), w.assess(List.of(police)));
        assertEquals(Map.of("lat", LAT, "lon", LON), w.position());
    }
}
