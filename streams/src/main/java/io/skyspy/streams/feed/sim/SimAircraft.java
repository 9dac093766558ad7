package io.skyspy.streams.feed.sim;

import io.skyspy.protocol.model.Geo;

/**
 * One simulated aircraft. Mutable and owned by a single {@link TrafficSimulator}; the object of a
 * slot is reused when the slot gets a new aircraft, so steady-state ticks allocate nothing here.
 */
final class SimAircraft {

    /** Marks an aircraft that has not been reported yet: its first update moves it zero seconds. */
    static final long NEVER = Long.MIN_VALUE;

    private static final double NM_PER_DEGREE = Geo.EARTH_RADIUS_NM * Math.PI / 180.0;
    private static final double MAX_ABS_LAT = 89.9;

    enum Role { AIRLINER, LIGHT, HELICOPTER, MILITARY }

    // identity: fixed while the aircraft lives
    String hex;
    String flight;
    String squawk;
    String category;
    Role role;
    boolean military;
    /** Index into the {@link KnownAirframes} list of its role, or -1 for an invented airframe. */
    int knownIndex;
    Performance perf;

    // where it is and how it moves
    double lat;
    double lon;
    /** Feet; meaningless while {@link #onGround}. */
    double alt;
    boolean onGround;
    double gs;
    double track;
    /** Feet per minute over the last update. */
    double verticalRate;
    /** Difference between geometric and barometric altitude, constant per aircraft. */
    double geomOffset;
    /** From the receiver, refreshed on every update. */
    double distanceNm;

    // what it intends to do
    Phase phase;
    double targetAlt;
    double targetGs;
    double targetTrack;
    double cruiseAlt;
    double cruiseGs;
    double turnRate;
    double climbFpm;
    double descentFpm;
    double accel;
    int airport;
    double departureTrack;
    /** Seconds left in a timed phase (taxi, patrol, parked). */
    double phaseTimer;
    /** Seconds until the next change of heading. */
    double wanderTimer;
    /** Helicopters only: +1 or -1 while circling, 0 otherwise. */
    int orbitDirection;
    /** Seconds left squawking 7700; zero or less when there is no emergency. */
    double emergencyLeft;

    long lastUpdateMillis = NEVER;
    boolean retired;

    boolean inEmergency() {
        return emergencyLeft > 0;
    }

    boolean airborne() {
        return !onGround;
    }

    /** Forgets everything but the object itself, before the slot gets a new aircraft. */
    void reset() {
        hex = null;
        flight = null;
        squawk = null;
        category = null;
        role = null;
        military = false;
        knownIndex = -1;
        perf = null;
        lat = lon = alt = gs = track = verticalRate = geomOffset = distanceNm = 0;
        onGround = false;
        phase = null;
        targetAlt = targetGs = targetTrack = cruiseAlt = cruiseGs = 0;
        turnRate = climbFpm = descentFpm = accel = 0;
        airport = 0;
        departureTrack = phaseTimer = wanderTimer = emergencyLeft = 0;
        orbitDirection = 0;
        lastUpdateMillis = NEVER;
        retired = false;
    }

    /** Turns, accelerates, climbs and moves towards the current targets for {@code dt} seconds. */
    void advance(double dt) {
        double maxTurn = turnRate * dt;
        track = Geo.normalizeDegrees(track + clamp(Geo.turnDeg(track, targetTrack), -maxTurn, maxTurn));
        double maxDv = accel * dt;
        gs = Math.max(0, gs + clamp(targetGs - gs, -maxDv, maxDv));
        if (onGround) {
            verticalRate = 0;
        } else {
            double wanted = targetAlt - alt;
            double limit = (wanted >= 0 ? climbFpm : descentFpm) / 60.0 * dt;
            double step = clamp(wanted, -limit, limit);
            alt = Math.max(0, alt + step);
            verticalRate = dt > 0 ? step / dt * 60.0 : 0;
        }
        move(gs / 3600.0 * dt, track);
    }

    /**
     * Moves along a bearing on a locally flat earth: a step is at most a few nm, where the error
     * is far below the 5-decimal rounding of reports, and it needs no allocation.
     */
    void move(double nm, double bearingDeg) {
        double rad = Math.toRadians(bearingDeg);
        lat = clamp(lat + nm * Math.cos(rad) / NM_PER_DEGREE, -MAX_ABS_LAT, MAX_ABS_LAT);
        double cosLat = Math.max(0.01, Math.cos(Math.toRadians(lat)));
        lon = Geo.normalizeLongitude(lon + nm * Math.sin(rad) / (NM_PER_DEGREE * cosLat));
    }

    void placeAt(Geo.Point p) {
        lat = p.lat();
        lon = p.lon();
    }

    static double clamp(double v, double min, double max) {
        return v < min ? min : (v > max ? max : v);
    }
}
