package io.skyspy.actors.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.safety.SafetyEventTypes;
import io.skyspy.protocol.safety.SafetyNotice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-aircraft monitor as the entity drives it: reports, ticks, removal. */
class AircraftSafetyTest {
    private static final SafetySettings S = SafetySettings.create(ConfigFactory.load());
    private final List<SafetyNotice> out = new ArrayList<>();
    private final AircraftSafety safety = AircraftSafety.factory(S, out::add).create("A1B2C3");

    private static AircraftReport report(AircraftField f, Object v) {
        return AircraftReport.builder("sbs", "A1B2C3", 0).set(f, v).build();
    }

    private static AircraftState state(AircraftField f, Object v) {
        return States.of("A1B2C3").set(f, v).alt(9000).build();
    }

    @Test
    void anEmergencyIsOneEpisodeWhateverTheReportsRepeat() {
        safety.observe(report(AircraftField.SQUAWK, "7700"), state(AircraftField.SQUAWK, "7700"), 0);
        safety.observe(report(AircraftField.SQUAWK, "7700"), state(AircraftField.SQUAWK, "7700"), 1000);
        safety.observe(report(AircraftField.ALT_BARO, 8000), state(AircraftField.SQUAWK, "7700"), 2000);
        assertEquals(1, out.size());
        assertInstanceOf(SafetyNotice.Opened.class, out.get(0));
        safety.observe(report(AircraftField.SQUAWK, "1200"), state(AircraftField.SQUAWK, "1200"), 3000);
        assertEquals(1, out.size(), "not over before clear-after");
        safety.tick(3000 + S.emergency().clearAfter().toMillis());
        assertInstanceOf(SafetyNotice.Resolved.class, out.get(1));
    }

    @Test
    void anAdvisoryEndsWhenReportsStopCarryingIt() {
        safety.observe(report(AircraftField.ACAS_RA, "Descend"), state(AircraftField.ACAS_RA, "Descend"), 0);
        assertEquals(SafetyEventTypes.TCAS_RA, ((SafetyNotice.Opened) out.get(0)).event().eventType());
        // the state keeps the field (feeds never erase), only time ends it
        safety.observe(report(AircraftField.ALT_BARO, 8800), state(AircraftField.ACAS_RA, "Descend"), 10_000);
        safety.tick(S.tcas().raHold().toMillis());
        assertEquals(1, out.size());
        safety.tick(S.tcas().raHold().toMillis() + 1);
        assertInstanceOf(SafetyNotice.Resolved.class, out.get(1));
    }

    @Test
    void removalEndsEverything() {
        safety.observe(report(AircraftField.SQUAWK, "7600"), state(AircraftField.SQUAWK, "7600"), 0);
        safety.removed(500);
        assertEquals(2, out.size());
        assertEquals(500, ((SafetyNotice.Resolved) out.get(1)).event().resolvedAt());
    }

    @Test
    void disabledFindsNothing() {
        AircraftSafety off = AircraftSafety.disabled();
        off.observe(report(AircraftField.SQUAWK, "7700"), state(AircraftField.SQUAWK, "7700"), 0);
        off.tick(1);
        off.removed(2);
        assertTrue(out.isEmpty());
    }
}
