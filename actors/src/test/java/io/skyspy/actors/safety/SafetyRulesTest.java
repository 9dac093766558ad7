package io.skyspy.actors.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.safety.SafetyEventTypes;
import io.skyspy.protocol.safety.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every per-aircraft rule at and just beyond its thresholds, with the reference.conf defaults. */
class SafetyRulesTest {
    private static final SafetySettings S = SafetySettings.create(ConfigFactory.load());
    private static final long NOW = 1_700_000_000_000L;

    private static Observation obs(AircraftState s) {
        return new Observation(s, NOW, Observation.NEVER, Observation.NEVER);
    }

    private static Optional<Finding> emergency(Observation o) {
        return new EmergencyRule(S.emergency()).evaluate(o);
    }

    @Test
    void defaultsAreTheOriginalsThresholds() {
        assertEquals(0.5, S.conflict().horizontalNm());
        assertEquals(500, S.conflict().verticalFt());
        assertEquals(500, S.conflict().minAltitudeFt());
        assertEquals(6000, S.verticalRate().extremeFpm());
        assertEquals(15, S.tcas().raHold().toSeconds());
    }

    @Test
    void emergencySquawksAreCritical() {
        for (String sq : new String[] {"7500", "7600", "7700"}) {
            Finding f = emergency(obs(States.of("A1B2C3").set(AircraftField.SQUAWK, sq).set(AircraftField.FLIGHT, "N12345 ")
                    .alt(10000).at(34.05, -118.25, NOW).build())).orElseThrow();
            assertEquals(SafetyEventTypes.EMERGENCY_SQUAWK, f.eventType());
            assertEquals(Severity.CRITICAL, f.severity());
            assertEquals("Emergency squawk " + sq + " detected", f.message());
            assertEquals("N12345", f.callsign());
            assertEquals(sq, f.details().get("squawk"));
            assertEquals(10000, f.details().get("altitude"));
            assertEquals("emergency:A1B2C3", f.key());
        }
        assertEquals("hijack", emergency(obs(States.of("A1").set(AircraftField.SQUAWK, "7500").build())).orElseThrow()
                .details().get("emergency_type"));
        assertTrue(emergency(obs(States.of("A1").set(AircraftField.SQUAWK, "7701").build())).isEmpty());
        assertTrue(emergency(obs(States.of("A1").set(AircraftField.SQUAWK, "1200").build())).isEmpty());
    }

    @Test
    void theAdsbEmergencyStatusCountsWhileReportsCarryIt() {
        AircraftState s = States.of("A1").set(AircraftField.EMERGENCY, "minfuel").set(AircraftField.SQUAWK, "1200").build();
        long hold = S.emergency().statusHold().toMillis();
        Finding f = emergency(new Observation(s, NOW, Observation.NEVER, NOW)).orElseThrow();
        assertEquals(SafetyEventTypes.EMERGENCY, f.eventType());
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("minfuel", f.details().get("emergency"));
        assertTrue(emergency(new Observation(s, NOW + hold, Observation.NEVER, NOW)).isPresent(), "at the hold");
        assertTrue(emergency(new Observation(s, NOW + hold + 1, Observation.NEVER, NOW)).isEmpty(), "just beyond: the field is stale");
        assertTrue(emergency(new Observation(s, NOW, Observation.NEVER, Observation.NEVER)).isEmpty(), "never carried by a report");
        AircraftState none = States.of("A1").set(AircraftField.EMERGENCY, "none").build();
        assertTrue(emergency(new Observation(none, NOW, Observation.NEVER, NOW)).isEmpty());
    }

    @Test
    void tcasResolutionAdvisoryIsHighTrafficAdvisoryMedium() {
        TcasRule rule = new TcasRule(S.tcas());
        long hold = S.tcas().raHold().toMillis();
        AircraftState ra = States.of("A1").set(AircraftField.ACAS_RA, "Climb").set(AircraftField.BARO_RATE, 2500).alt(12000).build();
        Finding f = rule.evaluate(new Observation(ra, NOW, NOW, Observation.NEVER)).orElseThrow();
        assertEquals(SafetyEventTypes.TCAS_RA, f.eventType());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("TCAS Resolution Advisory - Climb", f.message());
        assertEquals("Climb", f.details().get("advisory"));
        assertTrue(rule.evaluate(new Observation(ra, NOW + hold, NOW, Observation.NEVER)).isPresent(), "at the hold");
        assertTrue(rule.evaluate(new Observation(ra, NOW + hold + 1, NOW, Observation.NEVER)).isEmpty(), "just beyond");
        assertTrue(rule.evaluate(new Observation(ra, NOW, Observation.NEVER, Observation.NEVER)).isEmpty(), "no report carried it");
        AircraftState clear = States.of("A1").set(AircraftField.ACAS_RA, "Clear of Conflict").build();
        assertTrue(rule.evaluate(new Observation(clear, NOW, NOW, Observation.NEVER)).isEmpty());
        AircraftState ta = States.of("A1").set(AircraftField.ACAS_RA, "TA").build();
        Finding t = rule.evaluate(new Observation(ta, NOW, NOW, Observation.NEVER)).orElseThrow();
        assertEquals(SafetyEventTypes.TCAS_TA, t.eventType());
        assertEquals(Severity.MEDIUM, t.severity());
        assertEquals(f.key(), t.key(), "TA and RA are one episode per aircraft");
    }

    @Test
    void extremeVerticalRate() {
        ExtremeVerticalRateRule rule = new ExtremeVerticalRateRule(S.verticalRate());
        assertTrue(rule.evaluate(obs(States.of("A1").alt(20000).set(AircraftField.BARO_RATE, 5999).build())).isEmpty());
        Finding climb = rule.evaluate(obs(States.of("A1").alt(20000).set(AircraftField.BARO_RATE, 6000).build())).orElseThrow();
        assertEquals(Severity.LOW, climb.severity());
        assertEquals("Extreme climb rate", climb.message());
        Finding descent = rule.evaluate(obs(States.of("A1").alt(20000).set(AircraftField.BARO_RATE, -6000).build())).orElseThrow();
        assertEquals("Extreme descent rate", descent.message());
        assertEquals(Severity.LOW, rule.evaluate(obs(States.of("A1").alt(20000).set(AircraftField.BARO_RATE, 7999).build()))
                .orElseThrow().severity());
        assertEquals(Severity.MEDIUM, rule.evaluate(obs(States.of("A1").alt(20000).set(AircraftField.BARO_RATE, -8000).build()))
                .orElseThrow().severity());
        assertEquals(Severity.LOW, rule.evaluate(obs(States.of("A1").alt(20000).set(AircraftField.GEOM_RATE, 6500).build()))
                .orElseThrow().severity(), "the geometric rate when there is no barometric one");
        assertTrue(rule.evaluate(obs(States.of("A1").alt("ground").set(AircraftField.BARO_RATE, 9000).build())).isEmpty(),
                "on the ground nothing climbs");
    }

    @Test
    void rapidDescentBelowTheFloor() {
        RapidDescentRule rule = new RapidDescentRule(S.verticalRate());
        Finding f = rule.evaluate(obs(States.of("A1").alt(2999).set(AircraftField.BARO_RATE, -2500).build())).orElseThrow();
        assertEquals(SafetyEventTypes.RAPID_DESCENT, f.eventType());
        assertEquals(Severity.MEDIUM, f.severity());
        assertTrue(rule.evaluate(obs(States.of("A1").alt(2999).set(AircraftField.BARO_RATE, -2499).build())).isEmpty());
        assertTrue(rule.evaluate(obs(States.of("A1").alt(3000).set(AircraftField.BARO_RATE, -4000).build())).isEmpty(),
                "at the floor is not below it");
        assertTrue(rule.evaluate(obs(States.of("A1").alt("ground").set(AircraftField.BARO_RATE, -3000).build())).isEmpty(),
                "\"ground\" is on the ground, not at 0 ft");
        assertTrue(rule.evaluate(obs(States.of("A1").set(AircraftField.BARO_RATE, -3000).build())).isEmpty(), "altitude unknown");
    }

    @Test
    void unusualSquawks() {
        UnusualSquawkRule rule = new UnusualSquawkRule(S.squawks());
        Finding lost = rule.evaluate(obs(States.of("A1").set(AircraftField.SQUAWK, "7400").build())).orElseThrow();
        assertEquals(Severity.MEDIUM, lost.severity());
        assertEquals("Unusual squawk 7400 (unmanned aircraft lost link)", lost.message());
        assertEquals(Severity.LOW, rule.evaluate(obs(States.of("A1").set(AircraftField.SQUAWK, "0000").build())).orElseThrow().severity());
        assertEquals(Severity.MEDIUM, rule.evaluate(obs(States.of("A1").set(AircraftField.SQUAWK, "7777").build())).orElseThrow().severity());
        assertTrue(rule.evaluate(obs(States.of("A1").set(AircraftField.SQUAWK, "1200").build())).isEmpty());
        assertTrue(rule.evaluate(obs(States.of("A1").build())).isEmpty());
    }
}
