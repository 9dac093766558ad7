package io.skyspy.actors.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.model.Geo;
import io.skyspy.protocol.safety.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proximity conflicts at and just beyond the limits, prediction, exclusions and severities. */
class ConflictDetectorTest {
    private static final SafetySettings.Conflict C = SafetySettings.create(ConfigFactory.load()).conflict();
    private static final long NOW = 1_700_000_000_000L;
    private final ConflictDetector detector = new ConflictDetector(C);

    /** An aircraft {@code nm} east of (35, -117) at {@code alt}, optionally moving. */
    private static AircraftState at(String hex, double nmEast, Object alt, double gs, double track) {
        Geo.Point p = Geo.destination(35.0, -117.0, 90, nmEast);
        return States.of(hex).set(AircraftField.FLIGHT, "CS" + hex).at(p.lat(), p.lon(), NOW).alt(alt).moving(gs, track, 0).build();
    }

    private List<Finding> scan(AircraftState... s) {
        return detector.scan(List.of(s), NOW);
    }

    @Test
    void horizontalLimitAtAndJustBeyond() {
        assertEquals(1, scan(at("A00001", 0, 10000, 0, 0), at("A00002", 0.49, 10000, 0, 0)).size());
        assertTrue(scan(at("A00001", 0, 10000, 0, 0), at("A00002", 0.51, 10000, 0, 0)).isEmpty());
    }

    @Test
    void verticalLimitAtAndJustBeyond() {
        assertEquals(1, scan(at("A00001", 0, 10000, 0, 0), at("A00002", 0.2, 10500, 0, 0)).size());
        assertTrue(scan(at("A00001", 0, 10000, 0, 0), at("A00002", 0.2, 10501, 0, 0)).isEmpty());
    }

    @Test
    void bothMustBeAirborneAtTheMinimumAltitude() {
        assertEquals(1, scan(at("A00001", 0, 500, 0, 0), at("A00002", 0.2, 600, 0, 0)).size());
        assertTrue(scan(at("A00001", 0, 499, 0, 0), at("A00002", 0.2, 600, 0, 0)).isEmpty());
        assertTrue(scan(at("A00001", 0, "ground", 0, 0), at("A00002", 0.2, 600, 0, 0)).isEmpty(),
                "\"ground\" is on the ground, not at 0 ft");
    }

    @Test
    void aConvergingPairIsPredictedWithinTheLookahead() {
        // head-on, 250 kt each: 500 kt closure, 4 nm in 28.8 s (inside 45 s), 8 nm in 57.6 s (outside)
        List<Finding> soon = scan(at("A00001", 0, 10000, 250, 90), at("A00002", 4, 10000, 250, 270));
        assertEquals(1, soon.size());
        assertTrue((Boolean) soon.get(0).details().get("predicted"));
        int in = (Integer) soon.get(0).details().get("time_to_conflict_s");
        assertTrue(in > 20 && in < 30, "conflict in " + in + " s");
        assertTrue(soon.get(0).message().startsWith("Predicted proximity conflict"));
        assertTrue(scan(at("A00001", 0, 10000, 250, 90), at("A00002", 8, 10000, 250, 270)).isEmpty());
        assertTrue(scan(at("A00001", 0, 10000, 250, 270), at("A00002", 0.6, 10000, 250, 90)).isEmpty(), "diverging");
    }

    @Test
    void lowLevelPairsArePredictedOnlyAShortWayAhead() {
        // head-on at 1500 ft, 140 kt each (0.078 nm/s): from 1.4 nm the limit is 11.6 s away, from 1.2 nm 9 s
        assertTrue(scan(at("A00001", 0, 1500, 140, 90), at("A00002", 1.4, 1500, 140, 270)).isEmpty());
        assertEquals(1, scan(at("A00001", 0, 1500, 140, 90), at("A00002", 1.2, 1500, 140, 270)).size());
        assertEquals(1, scan(at("A00001", 0, 3000, 140, 90), at("A00002", 1.4, 3000, 140, 270)).size(),
                "at the terminal altitude the full lookahead applies");
    }

    @Test
    void aVerticalCrossingIsPredictedToo() {
        Geo.Point p = Geo.destination(35.0, -117.0, 90, 0.3);
        AircraftState climbing = States.of("A00001").at(35.0, -117.0, NOW).alt(9000).moving(0, 0, 1500).build();
        AircraftState level = States.of("A00002").at(p.lat(), p.lon(), NOW).alt(10000).moving(0, 0, 0).build();
        assertEquals(1, detector.scan(List.of(climbing, level), NOW).size(), "1000 ft apart, closing 1500 ft/min");
    }

    @Test
    void approachAndDepartureTrafficAtTheSameAirportIsNotAConflict() {
        Geo.Point lax = new Geo.Point(33.9425, -118.4081);
        Geo.Point near = Geo.destination(lax.lat(), lax.lon(), 90, 0.3);
        AircraftState a = States.of("A00001").at(lax.lat(), lax.lon(), NOW).alt(1500).build();
        AircraftState b = States.of("A00002").at(near.lat(), near.lon(), NOW).alt(1600).build();
        assertTrue(detector.scan(List.of(a, b), NOW).isEmpty());
        AircraftState high1 = States.of("A00001").at(lax.lat(), lax.lon(), NOW).alt(5000).build();
        AircraftState high2 = States.of("A00002").at(near.lat(), near.lon(), NOW).alt(5100).build();
        assertEquals(1, detector.scan(List.of(high1, high2), NOW).size(), "above the terminal altitude it is");
    }

    @Test
    void severityBySeparation() {
        assertEquals(Severity.CRITICAL, detector.severity(0.2, 200));
        assertEquals(Severity.HIGH, detector.severity(0.25, 200), "at the critical distance it is not critical");
        assertEquals(Severity.HIGH, detector.severity(0.3, 450));
        assertEquals(Severity.HIGH, detector.severity(0.45, 350));
        assertEquals(Severity.MEDIUM, detector.severity(0.45, 450));
        assertEquals(Severity.CRITICAL, scan(at("A00001", 0, 10000, 0, 0), at("A00002", 0.1, 10100, 0, 0)).get(0).severity());
    }

    @Test
    void stalePositionsAreNotUsedAndOlderOnesAreProjected() {
        AircraftState a = at("A00001", 0, 10000, 0, 0);
        AircraftState old = new AircraftState("A00002", at("A00002", 0.2, 10000, 0, 0).values(),
                NOW - C.maxPositionAge().toMillis() - 1, NOW);
        assertTrue(detector.scan(List.of(a, old), NOW).isEmpty());
        // seen 10 s ago 1.6 nm away, flying at us at 540 kt (1.5 nm in 10 s): now 0.1 nm away
        Geo.Point p = Geo.destination(35.0, -117.0, 90, 1.6);
        AircraftState behind = States.of("A00002").at(p.lat(), p.lon(), NOW - 10_000).alt(10000).moving(540, 270, 0).build();
        Finding f = detector.scan(List.of(a, behind), NOW).get(0);
        assertFalse((Boolean) f.details().get("predicted"));
        assertTrue((Double) f.details().get("distance_nm") < 0.15, f.details().toString());
    }

    @Test
    void acrossTheAntimeridian() {
        AircraftState east = States.of("A00001").at(10.0, 179.999, NOW).alt(30000).build();
        AircraftState west = States.of("A00002").at(10.0, -179.999, NOW).alt(30000).build();
        assertEquals(1, detector.scan(List.of(east, west), NOW).size());
    }

    @Test
    void aPairIsNamedTheSameWayWhateverTheOrder() {
        Finding f = scan(at("B00002", 0, 10000, 0, 0), at("A00001", 0.2, 10000, 0, 0)).get(0);
        assertEquals("A00001", f.hex());
        assertEquals("B00002", f.hex2());
        assertEquals("CSA00001", f.callsign());
        assertEquals("CSB00002", f.callsign2());
        assertEquals(ConflictDetector.key("B00002", "A00001"), f.key());
    }
}
