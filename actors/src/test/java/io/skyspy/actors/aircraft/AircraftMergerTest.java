package io.skyspy.actors.aircraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import io.skyspy.protocol.model.AircraftState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AircraftMergerTest {
    private final AircraftMerger merger = new AircraftMerger(Optional.of(new double[] {33.9425, -118.4081}));

    @Test
    void fieldsASourceLacksAreNotErased() {
        AircraftState s = merger.merge(AircraftState.empty("A1B2C3"), AircraftReport.builder("sbs", "A1B2C3", 1000)
                .set(AircraftField.FLIGHT, "SWA1234").set(AircraftField.SQUAWK, "1200").build());
        s = merger.merge(s, AircraftReport.builder("json", "A1B2C3", 2000).set(AircraftField.GS, 450.0).build());
        assertEquals("SWA1234", s.get(AircraftField.FLIGHT));
        assertEquals("1200", s.get(AircraftField.SQUAWK));
        assertEquals(450.0, s.get(AircraftField.GS));
        assertEquals(2000, s.lastSeen());
    }

    @Test
    void freshestPositionWinsButOtherFieldsStillMerge() {
        AircraftState s = merger.merge(AircraftState.empty("A1B2C3"),
                AircraftReport.builder("sbs", "A1B2C3", 5000).position(34.0, -118.0, 5000).build());
        AircraftState after = merger.merge(s, AircraftReport.builder("poll", "A1B2C3", 5500)
                .position(33.0, -117.0, 3000).set(AircraftField.ALT_BARO, 12000).build());
        assertEquals(34.0, after.get(AircraftField.LAT));
        assertEquals(5000, after.positionAt());
        assertEquals(12000, after.get(AircraftField.ALT_BARO));
    }

    @Test
    void distanceFollowsPositionAndMilitaryFollowsDbFlags() {
        AircraftState s = merger.merge(AircraftState.empty("AE1234"), AircraftReport.builder("sbs", "AE1234", 1)
                .position(33.9425, -118.4081, 1).set(AircraftField.DB_FLAGS, 1).build());
        assertEquals(0.0, s.get(AircraftField.DISTANCE_NM));
        assertTrue(s.military());
        AircraftState moved = merger.merge(s, AircraftReport.builder("sbs", "AE1234", 2).position(34.9425, -118.4081, 2).build());
        assertEquals(60.0, (Double) moved.get(AircraftField.DISTANCE_NM), 0.1);
    }

    @Test
    void aSquawkEmergencyEndsWhenTheSquawkReturnsToNormal() {
        AircraftState s = merger.merge(AircraftState.empty("A1B2C3"), AircraftReport.builder("sbs", "A1B2C3", 1)
                .set(AircraftField.SQUAWK, "7700").set(AircraftField.EMERGENCY, "general").build());
        s = merger.merge(s, AircraftReport.builder("sbs", "A1B2C3", 2).set(AircraftField.SQUAWK, "7700").build());
        assertEquals("general", s.get(AircraftField.EMERGENCY));
        s = merger.merge(s, AircraftReport.builder("sbs", "A1B2C3", 3).set(AircraftField.SQUAWK, "1200").build());
        assertEquals("none", s.get(AircraftField.EMERGENCY));
        AircraftState lifeguard = merger.merge(AircraftState.empty("A1B2C3"), AircraftReport.builder("json", "A1B2C3", 1)
                .set(AircraftField.SQUAWK, "1200").set(AircraftField.EMERGENCY, "lifeguard").build());
        lifeguard = merger.merge(lifeguard, AircraftReport.builder("sbs", "A1B2C3", 2).set(AircraftField.SQUAWK, "1200").build());
        assertEquals("lifeguard", lifeguard.get(AircraftField.EMERGENCY));
    }
}
