package io.skyspy.streams.feed.sim;

import io.skyspy.streams.feed.sim.SimAircraft.Role;
import java.util.SplittableRandom;

/**
 * The rare situations clients and safety rules must handle: a 7700 squawk episode now and then,
 * and now and then a pair of aircraft placed in conflict. Each kind is scheduled with a jittered
 * gap of 0.5-1.5 times its mean, so it keeps happening without clockwork regularity, and with
 * only a bounded probe of random slots per attempt (never a scan over all aircraft).
 */
final class TrafficEvents {

    private static final int PROBES = 32;
    private static final double MIN_EMERGENCY_S = 120;
    private static final double MAX_EMERGENCY_S = 420;

    private final SimulatorSettings settings;
    private final SplittableRandom rnd;
    private final Spawner spawner;
    private final Identities identities;
    private final Pilot pilot;

    private double untilEmergency;
    private double untilClosePair;
    private int emergencySlot = -1;
    private String emergencyHex;

    TrafficEvents(
            SimulatorSettings settings, SplittableRandom rnd, Spawner spawner, Identities identities, Pilot pilot) {
        this.settings = settings;
        this.rnd = rnd;
        this.spawner = spawner;
        this.identities = identities;
        this.pilot = pilot;
        this.untilEmergency = gap(settings.emergenciesPerHour());
        this.untilClosePair = gap(settings.closePairsPerHour());
    }

    void advance(double elapsedSeconds, SimAircraft[] slots) {
        if (emergencySlot >= 0) {
            SimAircraft a = slots[emergencySlot];
            // over, or the aircraft left and its slot holds another one
            if (!a.inEmergency() || !a.hex.equals(emergencyHex)) {
                emergencySlot = -1;
                emergencyHex = null;
            }
        }
        // one emergency at a time: the next one is only counted down once this one is over
        if (emergencySlot < 0 && settings.emergenciesPerHour() > 0) {
            untilEmergency -= elapsedSeconds;
            if (untilEmergency <= 0 && startEmergency(slots)) {
                untilEmergency = gap(settings.emergenciesPerHour());
            }
        }
        if (settings.closePairsPerHour() > 0) {
            untilClosePair -= elapsedSeconds;
            if (untilClosePair <= 0 && placeClosePair(slots)) {
                untilClosePair = gap(settings.closePairsPerHour());
            }
        }
    }

    private boolean startEmergency(SimAircraft[] slots) {
        for (int k = 0; k < PROBES && slots.length > 0; k++) {
            int i = rnd.nextInt(slots.length);
            SimAircraft a = slots[i];
            // not one about to leave coverage: the episode should be seen to its end
            if (a.airborne() && !a.retired && a.lastUpdateMillis != SimAircraft.NEVER
                    && a.distanceNm < 0.5 * settings.radiusNm()) {
                a.emergencyLeft = MIN_EMERGENCY_S + rnd.nextDouble() * (MAX_EMERGENCY_S - MIN_EMERGENCY_S);
                emergencySlot = i;
                emergencyHex = a.hex;
                pilot.divert(a);
                return true;
            }
        }
        return false;
    }

    private boolean placeClosePair(SimAircraft[] slots) {
        if (slots.length < 2) {
            return false;
        }
        for (int k = 0; k < PROBES; k++) {
            int i = rnd.nextInt(slots.length);
            SimAircraft a = slots[i];
            if (suitableLead(a)) {
                int j = partnerSlot(slots, i);
                if (j < 0) {
                    return false;
                }
                identities.release(slots[j]);
                slots[j].reset();
                spawner.spawnNear(slots[j], a);
                return true;
            }
        }
        return false;
    }

    /**
     * Level, well clear of the ground (the safety rules ignore pairs below 3,000 ft near airports),
     * inside coverage, and already reported so its position is current.
     */
    private boolean suitableLead(SimAircraft a) {
        return a.phase == Phase.CRUISE
                && a.airborne()
                && !a.retired
                && a.role != Role.HELICOPTER
                && !a.inEmergency()
                && a.alt >= 4_000
                && a.distanceNm < 0.8 * settings.radiusNm()
                && a.lastUpdateMillis != SimAircraft.NEVER;
    }

    private int partnerSlot(SimAircraft[] slots, int lead) {
        for (int k = 0; k < PROBES; k++) {
            int j = rnd.nextInt(slots.length);
            if (j != lead && j != emergencySlot && !slots[j].inEmergency()) {
                return j;
            }
        }
        return -1;
    }

    private double gap(double perHour) {
        return perHour <= 0 ? Double.MAX_VALUE : 3_600.0 / perHour * (0.5 + rnd.nextDouble());
    }
}
