package io.skyspy.streams.feed.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import io.skyspy.protocol.model.Geo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficSimulatorTest {

    private static final SimulatorSettings DEFAULTS = SimulatorSettings.defaults();

    @Test
    void sameSeedGivesIdenticalReports() {
        List<AircraftReport> first = SimulatedRun.collect(new TrafficSimulator(DEFAULTS), 120);
        List<AircraftReport> second = SimulatedRun.collect(new TrafficSimulator(DEFAULTS), 120);
        assertEquals(first, second);
        List<AircraftReport> other = SimulatedRun.collect(new TrafficSimulator(DEFAULTS.withSeed(7)), 120);
        assertNotEquals(first, other);
    }

    @Test
    void eachAircraftIsUpdatedOncePerSecondInAFifthOfTheTicks() {
        TrafficSimulator sim = new TrafficSimulator(DEFAULTS);
        assertEquals(5, sim.ticksPerUpdate());
        Map<String, Long> lastSeen = new HashMap<>();
        List<Set<String>> window = new ArrayList<>();
        SimulatedRun.run(sim, 300, batch -> {
            assertEquals(12, batch.size());
            Set<String> hexes = new HashSet<>();
            for (AircraftReport r : batch) {
                assertTrue(hexes.add(r.hex()), "one report per aircraft and tick");
                Long previous = lastSeen.put(r.hex(), r.receivedAt());
                if (previous != null) {
                    assertEquals(1_000, r.receivedAt() - previous, r.hex());
                }
            }
            window.add(hexes);
            if (window.size() == 5) {
                Set<String> cycle = new HashSet<>();
                window.forEach(cycle::addAll);
                assertEquals(60, cycle.size(), "every aircraft once per cycle");
                window.clear();
            }
        });
    }

    @Test
    void slotsFollowTheTickNumber() {
        // 7 aircraft over 5 ticks: slots 0 and 5 on tick 0, 1 and 6 on tick 1, then one each
        TrafficSimulator sim = new TrafficSimulator(DEFAULTS.withAircraftCount(7));
        int[] expected = {2, 2, 1, 1, 1, 2, 2, 1, 1, 1};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], sim.tick(SimulatedRun.START + k * 200L).size(), "tick " + k);
        }
    }

    @Test
    void higherRatesAndLongerTicksChangeTheSpread() {
        assertEquals(1, DEFAULTS.withRates(5, Duration.ofMillis(200)).ticksPerUpdate());
        assertEquals(1, DEFAULTS.withRates(10, Duration.ofMillis(200)).ticksPerUpdate());
        assertEquals(10, DEFAULTS.withRates(0.5, Duration.ofMillis(200)).ticksPerUpdate());
        assertEquals(4, DEFAULTS.withRates(1, Duration.ofMillis(250)).ticksPerUpdate());
        TrafficSimulator everyTick = new TrafficSimulator(DEFAULTS.withRates(5, Duration.ofMillis(200)));
        assertEquals(60, everyTick.tick(SimulatedRun.START).size());
    }

    @Test
    void everyReportIsValidOverTenMinutes() {
        TrafficSimulator sim = new TrafficSimulator(DEFAULTS.withAircraftCount(300).withSeed(99));
        SimulatedRun.run(sim, 600, batch -> batch.forEach(ReportChecks::assertValid));
    }

    @Test
    void reportsStayValidAcrossTheAntimeridianAndFarNorth() {
        TrafficSimulator pacific = new TrafficSimulator(DEFAULTS.withReceiver(-16.5, 179.9, 150).withAircraftCount(200));
        Set<Boolean> hemispheres = new HashSet<>();
        SimulatedRun.run(pacific, 300, batch -> batch.forEach(r -> {
            ReportChecks.assertValid(r);
            hemispheres.add((Double) r.get(AircraftField.LON) > 0);
        }));
        assertEquals(Set.of(true, false), hemispheres, "traffic on both sides of 180°");

        TrafficSimulator svalbard = new TrafficSimulator(DEFAULTS.withReceiver(84, 15, 200).withAircraftCount(200));
        SimulatedRun.run(svalbard, 300, batch -> batch.forEach(ReportChecks::assertValid));
    }

    @Test
    void aircraftMovePlausiblyBetweenUpdates() {
        TrafficSimulator sim = new TrafficSimulator(DEFAULTS.withAircraftCount(200));
        Map<String, AircraftReport> previous = new HashMap<>();
        SimulatedRun.run(sim, 900, batch -> batch.forEach(r -> {
            AircraftReport p = previous.put(r.hex(), r);
            if (p == null) {
                return;
            }
            double moved = Geo.distanceNm(
                    (Double) p.get(AircraftField.LAT), (Double) p.get(AircraftField.LON),
                    (Double) r.get(AircraftField.LAT), (Double) r.get(AircraftField.LON));
            assertTrue(moved < 0.16, "at most ~550 kt: " + moved + " " + r);
            if (p.get(AircraftField.ALT_BARO) instanceof Integer a && r.get(AircraftField.ALT_BARO) instanceof Integer b) {
                assertTrue(Math.abs(a - b) <= 75, "at most ~3,000 fpm: " + p + " -> " + r);
            }
        }));
    }

    @Test
    void anHourHasEverythingClientsAndSafetyRulesMustHandle() {
        TrafficSimulator sim = new TrafficSimulator(DEFAULTS);
        HourObserver hour = new HourObserver();
        SimulatedRun.run(sim, 3_600, hour::observe);

        assertTrue(hour.helicopters > 0, "helicopters");
        assertTrue(hour.lawEnforcementCallsign, "a police-looking callsign");
        assertTrue(hour.military > 0, "military");
        assertTrue(hour.emergencyHexes.size() > 0, "a 7700 episode");
        assertTrue(hour.squawkRestored, "a 7700 squawk that ended");
        assertTrue(hour.closePairs > 0, "a pair within 0.5 nm and 500 ft");
        assertTrue(hour.landings > 0, "an arrival landed");
        assertTrue(hour.takeoffs > 0, "a departure took off");
        assertTrue(hour.knownAirframes > 0, "an airframe with an aircraft database row");
        assertTrue(hour.hexes.size() > 100, "aircraft replaced by new ones: " + hour.hexes.size());
        long removed = hour.lastSeen.values().stream().filter(t -> t < hour.now - 10_000).count();
        assertTrue(removed > 40, "aircraft that went away: " + removed);
    }

    @Test
    void fiveThousandAircraftForAMinute() {
        TrafficSimulator sim = new TrafficSimulator(DEFAULTS.withAircraftCount(5_000));
        long[] count = {0};
        SimulatedRun.run(sim, 60, batch -> count[0] += batch.size());
        assertEquals(5_000L * 60, count[0]);
    }

    @Test
    void noAircraftMeansEmptyBatches() {
        TrafficSimulator sim = new TrafficSimulator(DEFAULTS.withAircraftCount(0));
        SimulatedRun.run(sim, 10, batch -> assertTrue(batch.isEmpty()));
    }

    /** Tallies what one simulated hour shows. */
    private static final class HourObserver {
        final Set<String> hexes = new HashSet<>();
        final Map<String, Long> lastSeen = new HashMap<>();
        final Map<String, AircraftReport> latest = new HashMap<>();
        final Map<String, Object> lastAltitude = new HashMap<>();
        final Set<String> emergencyHexes = new HashSet<>();
        int helicopters;
        int military;
        int closePairs;
        int landings;
        int takeoffs;
        int knownAirframes;
        boolean lawEnforcementCallsign;
        boolean squawkRestored;
        long now;
        long ticks;

        void observe(List<AircraftReport> batch) {
            for (AircraftReport r : batch) {
                now = r.receivedAt();
                String hex = r.hex();
                if (hexes.add(hex)) {
                    newAircraft(r);
                }
                lastSeen.put(hex, now);
                latest.put(hex, r);
                Object alt = r.get(AircraftField.ALT_BARO);
                Object before = lastAltitude.put(hex, alt);
                if (before instanceof Integer && AircraftField.GROUND.equals(alt)) {
                    landings++;
                }
                if (AircraftField.GROUND.equals(before) && alt instanceof Integer) {
                    takeoffs++;
                }
                if ("general".equals(r.get(AircraftField.EMERGENCY))) {
                    emergencyHexes.add(hex);
                } else if (emergencyHexes.contains(hex)) {
                    squawkRestored = true;
                }
            }
            if (++ticks % 5 == 0) {
                closePairs += countClosePairs();
            }
        }

        private void newAircraft(AircraftReport r) {
            if ("A7".equals(r.get(AircraftField.CATEGORY))) {
                helicopters++;
                String flight = (String) r.get(AircraftField.FLIGHT);
                lawEnforcementCallsign |= flight.matches("N\\d+PD|CHP\\d+|N\\d+(LA|LB|SD|KB|JH)");
            }
            if (Boolean.TRUE.equals(r.get(AircraftField.IS_MILITARY))) {
                int icao = Integer.parseInt(r.hex(), 16);
                assertTrue(icao >= 0xADF7C8 && icao <= 0xAFFFFF, r.toString());
                military++;
            }
            if (KnownAirframes.isKnown(Integer.parseInt(r.hex(), 16))) {
                knownAirframes++;
            }
        }

        /** Pairs airborne above 3,000 ft within 0.5 nm and 500 ft, among this second's positions. */
        private int countClosePairs() {
            List<AircraftReport> current = new ArrayList<>();
            for (AircraftReport r : latest.values()) {
                if (r.receivedAt() > now - 1_000 && r.get(AircraftField.ALT_BARO) instanceof Integer ft && ft >= 3_000) {
                    current.add(r);
                }
            }
            int pairs = 0;
            for (int i = 0; i < current.size(); i++) {
                for (int j = i + 1; j < current.size(); j++) {
                    AircraftReport a = current.get(i);
                    AircraftReport b = current.get(j);
                    double d = Geo.distanceNm(
                            (Double) a.get(AircraftField.LAT), (Double) a.get(AircraftField.LON),
                            (Double) b.get(AircraftField.LAT), (Double) b.get(AircraftField.LON));
                    int dAlt = Math.abs((Integer) a.get(AircraftField.ALT_BARO) - (Integer) b.get(AircraftField.ALT_BARO));
                    if (d <= 0.5 && dAlt <= 500) {
                        pairs++;
                    }
                }
            }
            return pairs;
        }
    }
}
