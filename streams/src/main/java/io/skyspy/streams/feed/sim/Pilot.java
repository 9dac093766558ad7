package io.skyspy.streams.feed.sim;

import io.skyspy.protocol.model.Geo;
import io.skyspy.streams.feed.sim.SimAircraft.Role;
import java.util.SplittableRandom;

/**
 * Decides what each aircraft wants next: the targets {@link SimAircraft#advance} steers towards,
 * and when to change phase. Allocation-free: it runs for every aircraft on every update.
 */
final class Pilot {

    /** Feet of altitude per nm to go on a ~3° approach. */
    static final double GLIDE_FT_PER_NM = 300;
    private static final double TAXI_TURN_RATE = 15;
    private static final double TAXI_ACCEL = 2;
    /** Within this distance an arrival points straight at the runway, so it can never orbit it. */
    private static final double LINE_UP_NM = 4;
    private static final double TOUCHDOWN_NM = 0.3;
    private static final double TAXI_RADIUS_NM = 0.8;

    private final Airport[] airports;
    private final double receiverLat;
    private final double receiverLon;
    private final double radiusNm;
    private final SplittableRandom rnd;

    Pilot(Airport[] airports, SimulatorSettings settings, SplittableRandom rnd) {
        this.airports = airports;
        this.receiverLat = settings.receiverLat();
        this.receiverLon = settings.receiverLon();
        this.radiusNm = settings.radiusNm();
        this.rnd = rnd;
    }

    void fly(SimAircraft a, double dt) {
        a.phaseTimer -= dt;
        a.wanderTimer -= dt;
        switch (a.phase) {
            case TAXI_OUT -> taxiOut(a);
            case TAKEOFF_ROLL -> takeoffRoll(a);
            case CLIMB -> climb(a);
            case CRUISE -> cruise(a);
            case ARRIVAL -> arrival(a, dt);
            case LANDING_ROLL -> landingRoll(a);
            case TAXI_IN -> taxiIn(a);
            case PATROL -> patrol(a);
            case HELI_LANDING -> heliLanding(a);
            case PARKED -> a.retired = a.phaseTimer <= 0;
        }
    }

    /**
     * Sends an aircraft in trouble to the nearest airport when it is low enough to get down there
     * (about 500 ft per nm to go); one at cruise level overhead squawks while it circles in
     * coverage (see {@link #stayNearWhileInTrouble}).
     */
    void divert(SimAircraft a) {
        if (a.role == Role.HELICOPTER || (a.phase != Phase.CLIMB && a.phase != Phase.CRUISE)) {
            return;
        }
        int nearest = 0;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < airports.length; i++) {
            double d = Geo.distanceNm(a.lat, a.lon, airports[i].lat(), airports[i].lon());
            if (d < best) {
                best = d;
                nearest = i;
            }
        }
        if (a.alt <= 500 * best) {
            a.airport = nearest;
            a.phase = Phase.ARRIVAL;
        }
    }

    private void taxiOut(SimAircraft a) {
        taxi(a);
        if (a.phaseTimer <= 0) {
            // lined up and holding: the roll starts from standstill on the runway heading
            a.phase = Phase.TAKEOFF_ROLL;
            a.track = a.targetTrack = airports[a.airport].runwayHeading();
            a.gs = 0;
            a.targetGs = a.perf.rotateGs();
            a.accel = a.role == Role.LIGHT ? 3 : 4;
        }
    }

    private void takeoffRoll(SimAircraft a) {
        if (a.gs >= a.perf.rotateGs() - 0.5) {
            a.onGround = false;
            a.alt = 0;
            a.phase = Phase.CLIMB;
            a.turnRate = a.perf.turnRate();
            a.accel = a.perf.accel();
            a.targetAlt = a.cruiseAlt;
            a.targetGs = Math.min(250, a.cruiseGs);
        }
    }

    private void climb(SimAircraft a) {
        if (a.alt > 1_500) {
            a.targetTrack = a.departureTrack;
        }
        a.climbFpm = a.alt < 25_000 ? a.perf.climbFpm() : a.perf.climbFpm() / 2;
        a.targetGs = a.alt < 10_000 ? Math.min(250, a.cruiseGs) : a.cruiseGs;
        a.targetAlt = a.cruiseAlt;
        stayNearWhileInTrouble(a);
        if (a.alt >= a.cruiseAlt - 1) {
            a.phase = Phase.CRUISE;
            a.wanderTimer = uniform(60, 240);
        }
    }

    private void cruise(SimAircraft a) {
        a.targetGs = a.cruiseGs;
        a.targetAlt = a.cruiseAlt;
        if (a.wanderTimer <= 0) {
            a.targetTrack = Geo.normalizeDegrees(a.track + sign() * uniform(5, 30));
            a.wanderTimer = uniform(60, 240);
        }
        stayNearWhileInTrouble(a);
    }

    /**
     * An aircraft squawking 7700 turns back towards the receiver instead of leaving coverage, so
     * the episode plays out on screen, ending with its normal squawk.
     */
    private void stayNearWhileInTrouble(SimAircraft a) {
        if (a.inEmergency() && a.distanceNm > 0.6 * radiusNm) {
            a.targetTrack = Geo.bearingDeg(a.lat, a.lon, receiverLat, receiverLon);
        }
    }

    private void arrival(SimAircraft a, double dt) {
        Airport ap = airports[a.airport];
        double d = Geo.distanceNm(a.lat, a.lon, ap.lat(), ap.lon());
        double bearing = Geo.bearingDeg(a.lat, a.lon, ap.lat(), ap.lon());
        a.targetTrack = bearing;
        if (d < LINE_UP_NM) {
            a.track = bearing;
        }
        // follow the glide profile down, never climb back up to it
        a.targetAlt = Math.min(a.alt, GLIDE_FT_PER_NM * d);
        double speed = d > 30 ? 290 : (d > 12 ? 220 : a.perf.approachGs());
        a.targetGs = Math.min(a.cruiseGs, a.alt < 10_000 ? Math.min(250, speed) : speed);
        // a long step could carry the aircraft past the runway, so touch down within one step of it
        if (d < Math.max(TOUCHDOWN_NM, a.gs / 3600.0 * dt * 1.5)) {
            if (a.alt > 400) {
                goAround(a, ap);
            } else {
                touchDown(a);
            }
        }
    }

    private void goAround(SimAircraft a, Airport ap) {
        a.phase = Phase.CLIMB;
        a.cruiseAlt = Math.max(a.alt, 4_000);
        a.departureTrack = ap.runwayHeading();
    }

    private void touchDown(SimAircraft a) {
        a.onGround = true;
        a.alt = 0;
        a.phase = Phase.LANDING_ROLL;
        a.targetTrack = a.track;
        a.targetGs = 20;
        a.accel = 3;
    }

    private void landingRoll(SimAircraft a) {
        if (a.gs <= 21) {
            a.phase = Phase.TAXI_IN;
            // safely down: the crew resets the transponder to its assigned code
            a.emergencyLeft = 0;
            a.phaseTimer = uniform(30, 120);
            a.targetGs = uniform(10, 18);
            a.turnRate = TAXI_TURN_RATE;
            a.accel = TAXI_ACCEL;
        }
    }

    private void taxiIn(SimAircraft a) {
        taxi(a);
        if (a.phaseTimer <= 0) {
            a.retired = true;
        }
    }

    /** Right-angle turns along imaginary taxiways, never straying far from the airport. */
    private void taxi(SimAircraft a) {
        Airport ap = airports[a.airport];
        if (Geo.distanceNm(a.lat, a.lon, ap.lat(), ap.lon()) > TAXI_RADIUS_NM) {
            a.targetTrack = Geo.bearingDeg(a.lat, a.lon, ap.lat(), ap.lon());
        } else if (a.wanderTimer <= 0) {
            a.targetTrack = Geo.normalizeDegrees(a.track + sign() * 90);
            a.wanderTimer = uniform(15, 40);
        }
    }

    private void patrol(SimAircraft a) {
        a.targetAlt = a.cruiseAlt;
        a.targetGs = a.cruiseGs;
        if (a.wanderTimer <= 0) {
            if (rnd.nextDouble() < 0.3) {
                a.orbitDirection = sign();
                a.wanderTimer = uniform(60, 180);
            } else {
                a.orbitDirection = 0;
                a.targetTrack = Geo.normalizeDegrees(a.track + sign() * uniform(20, 150));
                a.wanderTimer = uniform(20, 90);
            }
        }
        if (a.orbitDirection != 0) {
            // keep the target a quarter turn away: a steady circle at the helicopter's turn rate
            a.targetTrack = Geo.normalizeDegrees(a.track + 90 * a.orbitDirection);
        } else if (a.distanceNm > 0.6 * radiusNm) {
            a.targetTrack = Geo.bearingDeg(a.lat, a.lon, receiverLat, receiverLon);
        }
        if (a.phaseTimer <= 0) {
            a.phase = Phase.HELI_LANDING;
            a.orbitDirection = 0;
            a.targetTrack = a.track;
            a.targetAlt = 0;
            a.descentFpm = 500;
        }
    }

    private void heliLanding(SimAircraft a) {
        a.targetGs = a.alt > 300 ? 60 : a.alt / 5;
        if (a.alt <= 5) {
            a.onGround = true;
            a.alt = 0;
            a.gs = 0;
            a.targetGs = 0;
            a.phase = Phase.PARKED;
            a.phaseTimer = uniform(30, 120);
        }
    }

    private int sign() {
        return rnd.nextBoolean() ? 1 : -1;
    }

    private double uniform(double lo, double hi) {
        return lo + rnd.nextDouble() * (hi - lo);
    }
}
