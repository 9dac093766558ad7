package io.skyspy.streams.feed.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    @Test
    void defaults() {
        SimulatorSettings s = SimulatorSettings.defaults();
        assertEquals(60, s.aircraftCount());
        assertEquals(1.0, s.updateRateHz());
        assertEquals(Duration.ofMillis(200), s.tickInterval());
        assertEquals(33.9425, s.receiverLat());
        assertEquals(-118.4081, s.receiverLon());
        assertEquals(60, s.radiusNm());
        assertEquals("sim", s.sourceName());
        assertEquals(5, s.ticksPerUpdate());
    }

    @Test
    void readsConfigWithDefaultsForMissingKeys() {
        SimulatorSettings s = SimulatorSettings.create(ConfigFactory.parseString(
                "aircraft-count = 5000\nseed = 7\ntick-interval = 100ms\nsource-name = load\nmilitary-share = 0.1"));
        assertEquals(5_000, s.aircraftCount());
        assertEquals(7, s.seed());
        assertEquals(Duration.ofMillis(100), s.tickInterval());
        assertEquals("load", s.sourceName());
        assertEquals(0.1, s.militaryShare());
        assertEquals(10, s.ticksPerUpdate());
        assertEquals(SimulatorSettings.defaults().radiusNm(), s.radiusNm());
        assertEquals(SimulatorSettings.defaults(), SimulatorSettings.create(ConfigFactory.empty()));
    }

    @Test
    void rejectsImpossibleValues() {
        SimulatorSettings d = SimulatorSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withAircraftCount(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withRates(0, Duration.ofMillis(200)));
        assertThrows(IllegalArgumentException.class, () -> d.withRates(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withReceiver(89, 0, 60));
        assertThrows(IllegalArgumentException.class, () -> d.withReceiver(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SimulatorSettings(
                60, 1, Duration.ofMillis(200), 1, 0, 0, 60, "sim", 0.6, 0.6, 1, 1));
    }
}
