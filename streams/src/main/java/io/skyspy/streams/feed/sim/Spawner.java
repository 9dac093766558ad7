package io.skyspy.streams.feed.sim;

import io.skyspy.protocol.model.Geo;
import io.skyspy.streams.feed.sim.SimAircraft.Role;
import java.util.SplittableRandom;

/**
 * Fills a slot with a new aircraft: what it is, where it starts and what it is about to do.
 * Newcomers enter at the edge of coverage or at an airport; the initial population is scattered
 * mid-flight, so the picture looks busy from the first tick.
 */
final class Spawner {

    /** Newcomers appear just inside the edge, so they are not lost again at once. */
    private static final double ENTRY_FRACTION = 0.97;
    private static final double SCATTER_FRACTION = 0.95;

    private final SimulatorSettings settings;
    private final Airport[] airports;
    private final Identities identities;
    private final SplittableRandom rnd;

    Spawner(SimulatorSettings settings, Airport[] airports, Identities identities, SplittableRandom rnd) {
        this.settings = settings;
        this.airports = airports;
        this.identities = identities;
        this.rnd = rnd;
    }

    /** Puts a new aircraft into a reset slot; {@code initial} scatters it mid-flight. */
    void spawn(SimAircraft a, boolean initial) {
        double r = rnd.nextDouble();
        if (r < settings.helicopterShare()) {
            a.role = Role.HELICOPTER;
        } else if (r < settings.helicopterShare() + settings.militaryShare()) {
            a.role = Role.MILITARY;
        } else {
            a.role = rnd.nextDouble() < 0.12 ? Role.LIGHT : Role.AIRLINER;
        }
        identities.assign(a);
        equip(a);
        if (a.role == Role.HELICOPTER) {
            patrol(a, initial);
            return;
        }
        double mission = rnd.nextDouble();
        double overflightShare = a.role == Role.MILITARY ? 0.7 : 0.3;
        double arrivalShare = a.role == Role.MILITARY ? 0.3 : 0.35;
        if (mission < overflightShare) {
            overflight(a, initial);
        } else if (mission < overflightShare + arrivalShare) {
            arrival(a, initial);
        } else {
            departure(a, initial);
        }
    }

    /**
     * Puts a new aircraft into a reset slot, level and 0.35-0.45 nm abeam of {@code other}, 200-400
     * ft above or below it and converging at 10-15°: a proximity conflict for the safety rules,
     * placed on purpose so nobody has to search all pairs for one.
     */
    void spawnNear(SimAircraft b, SimAircraft other) {
        b.role = other.role == Role.LIGHT ? Role.LIGHT : Role.AIRLINER;
        identities.assign(b);
        equip(b);
        int side = rnd.nextBoolean() ? 1 : -1;
        b.placeAt(Geo.destination(other.lat, other.lon, other.track + 90 * side, uniform(0.35, 0.45)));
        double above = rnd.nextBoolean() ? 1 : -1;
        b.alt = b.cruiseAlt = b.targetAlt = other.alt + above * Math.round(uniform(200, 400) / 100) * 100;
        b.track = b.targetTrack = Geo.normalizeDegrees(other.track - side * uniform(10, 15));
        b.gs = b.cruiseGs = b.targetGs = Math.max(60, other.gs + uniform(-10, 10));
        b.phase = Phase.CRUISE;
        // both hold course while they pass each other
        b.wanderTimer = 150;
        other.wanderTimer = Math.max(other.wanderTimer, 150);
        b.lastUpdateMillis = other.lastUpdateMillis;
    }

    /** Speeds, levels and rates from its category, varied per aircraft. */
    private void equip(SimAircraft a) {
        Performance p = Performance.of(a.category);
        a.perf = p;
        a.cruiseGs = uniform(p.minCruiseGs(), p.maxCruiseGs());
        double step = a.role == Role.HELICOPTER ? 100 : (p == Performance.LIGHT ? 500 : 1_000);
        a.cruiseAlt = Math.round(uniform(p.minCruiseAlt(), p.maxCruiseAlt()) / step) * step;
        a.turnRate = p.turnRate();
        a.climbFpm = p.climbFpm();
        a.descentFpm = p.descentFpm();
        a.accel = p.accel();
        a.geomOffset = uniform(-100, 300);
        a.airport = rnd.nextInt(airports.length);
        a.departureTrack = uniform(0, 360);
    }

    private void overflight(SimAircraft a, boolean initial) {
        if (initial) {
            a.placeAt(scattered(settings.receiverLat(), settings.receiverLon(), settings.radiusNm() * SCATTER_FRACTION));
            a.track = uniform(0, 360);
        } else {
            double entry = uniform(0, 360);
            a.placeAt(Geo.destination(
                    settings.receiverLat(), settings.receiverLon(), entry, settings.radiusNm() * ENTRY_FRACTION));
            a.track = Geo.normalizeDegrees(entry + 180 + uniform(-35, 35));
        }
        level(a, a.cruiseAlt, a.cruiseGs);
        a.phase = Phase.CRUISE;
        a.wanderTimer = uniform(60, 240);
    }

    private void arrival(SimAircraft a, boolean initial) {
        Airport ap = airports[a.airport];
        if (initial) {
            a.placeAt(withinCoverage(ap, uniform(0, 360), uniform(3, settings.radiusNm() * 0.9)));
        } else {
            a.placeAt(Geo.destination(
                    settings.receiverLat(), settings.receiverLon(), uniform(0, 360),
                    settings.radiusNm() * ENTRY_FRACTION));
        }
        double d = Geo.distanceNm(a.lat, a.lon, ap.lat(), ap.lon());
        a.track = Geo.bearingDeg(a.lat, a.lon, ap.lat(), ap.lon());
        double alt = Math.round(Math.min(a.cruiseAlt, Pilot.GLIDE_FT_PER_NM * d) / 100) * 100;
        level(a, alt, Math.min(a.cruiseGs, d > 30 ? 290 : 220));
        a.phase = Phase.ARRIVAL;
    }

    private void departure(SimAircraft a, boolean initial) {
        Airport ap = airports[a.airport];
        if (!initial || rnd.nextDouble() < 0.25) {
            a.placeAt(Geo.destination(ap.lat(), ap.lon(), uniform(0, 360), uniform(0, 0.4)));
            a.onGround = true;
            a.phase = Phase.TAXI_OUT;
            a.track = a.targetTrack = uniform(0, 360);
            a.gs = 0;
            a.targetGs = uniform(10, 18);
            a.turnRate = 15;
            a.accel = 2;
            a.phaseTimer = uniform(60, 240);
            a.wanderTimer = uniform(15, 40);
            return;
        }
        double d = uniform(1, settings.radiusNm() * 0.6);
        a.placeAt(withinCoverage(ap, a.departureTrack, d));
        double flown = Geo.distanceNm(ap.lat(), ap.lon(), a.lat, a.lon);
        // about 600 ft per nm: 2,500 fpm at 250 kt
        double alt = Math.round(Math.min(a.cruiseAlt, 600 * flown) / 100) * 100;
        a.track = a.departureTrack;
        level(a, alt, alt < 10_000 ? Math.min(250, a.cruiseGs) : a.cruiseGs);
        a.targetAlt = a.cruiseAlt;
        a.phase = alt >= a.cruiseAlt ? Phase.CRUISE : Phase.CLIMB;
    }

    private void patrol(SimAircraft a, boolean initial) {
        a.placeAt(scattered(settings.receiverLat(), settings.receiverLon(), settings.radiusNm() * 0.5));
        a.track = uniform(0, 360);
        level(a, a.cruiseAlt, a.cruiseGs);
        a.phase = Phase.PATROL;
        a.phaseTimer = initial ? uniform(60, 2_400) : uniform(600, 2_400);
        a.wanderTimer = uniform(20, 90);
    }

    private static void level(SimAircraft a, double alt, double gs) {
        a.onGround = false;
        a.alt = a.targetAlt = alt;
        a.gs = a.targetGs = gs;
        a.targetTrack = a.track;
    }

    /** Uniform over a disc: the square root keeps the outer rings as busy as the centre. */
    private Geo.Point scattered(double lat, double lon, double radius) {
        return Geo.destination(lat, lon, uniform(0, 360), radius * Math.sqrt(rnd.nextDouble()));
    }

    /** A point {@code d} nm from the airport, pulled closer until it is inside coverage. */
    private Geo.Point withinCoverage(Airport ap, double bearing, double d) {
        Geo.Point p = Geo.destination(ap.lat(), ap.lon(), bearing, d);
        double limit = settings.radiusNm() * SCATTER_FRACTION;
        while (d > 0.5 && Geo.distanceNm(settings.receiverLat(), settings.receiverLon(), p.lat(), p.lon()) > limit) {
            d /= 2;
            p = Geo.destination(ap.lat(), ap.lon(), bearing, d);
        }
        return p;
    }

    private double uniform(double lo, double hi) {
        return lo + rnd.nextDouble() * (hi - lo);
    }
}
