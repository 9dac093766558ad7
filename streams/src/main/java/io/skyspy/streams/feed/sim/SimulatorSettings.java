package io.skyspy.streams.feed.sim;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Objects;

/**
 * The built-in traffic simulator: how much traffic, where, and how often the rare situations
 * (emergencies, close encounters) occur.
 *
 * @param aircraftCount aircraft kept in the air at all times; each that leaves is replaced
 * @param updateRateHz position updates per second per aircraft; capped at one per tick
 * @param tickInterval how often the feed emits a batch; the aircraft are spread over the ticks
 * @param seed everything the simulator does follows from it, so a run can be replayed
 * @param receiverLat the simulated receiver (and the main airport) latitude
 * @param receiverLon the simulated receiver (and the main airport) longitude
 * @param radiusNm coverage radius: aircraft beyond it are lost and replaced
 * @param sourceName the feed name reports carry
 * @param helicopterShare share of new aircraft that are helicopters (category A7)
 * @param militaryShare share of new aircraft that are military (US military addresses, dbFlags 1)
 * @param emergenciesPerHour how many 7700 squawk episodes start per hour, on average
 * @param closePairsPerHour how many pairs are placed within 0.5 nm and 500 ft per hour, on average
 */
public record SimulatorSettings(
        int aircraftCount,
        double updateRateHz,
        Duration tickInterval,
        long seed,
        double receiverLat,
        double receiverLon,
        double radiusNm,
        String sourceName,
        double helicopterShare,
        double militaryShare,
        double emergenciesPerHour,
        double closePairsPerHour) {

    public static final int DEFAULT_AIRCRAFT_COUNT = 60;
    public static final double DEFAULT_UPDATE_RATE_HZ = 1.0;
    public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofMillis(200);
    public static final long DEFAULT_SEED = 20_240_611L;
    /** Los Angeles International, a busy mix of airliners, cargo, GA and police helicopters. */
    public static final double DEFAULT_RECEIVER_LAT = 33.9425;
    public static final double DEFAULT_RECEIVER_LON = -118.4081;
    public static final double DEFAULT_RADIUS_NM = 60;
    public static final String DEFAULT_SOURCE_NAME = "sim";

    public SimulatorSettings {
        if (aircraftCount < 0) {
            throw new IllegalArgumentException("aircraftCount must not be negative");
        }
        if (!(updateRateHz > 0 && Double.isFinite(updateRateHz))) {
            throw new IllegalArgumentException("updateRateHz must be positive");
        }
        if (tickInterval == null || tickInterval.toMillis() < 1) {
            throw new IllegalArgumentException("tickInterval must be at least 1 ms");
        }
        if (!(receiverLat >= -85 && receiverLat <= 85)) {
            // the flat-earth step used between updates degrades near the poles
            throw new IllegalArgumentException("receiverLat must be in [-85, 85]");
        }
        if (!(receiverLon >= -180 && receiverLon <= 180)) {
            throw new IllegalArgumentException("receiverLon must be in [-180, 180]");
        }
        if (!(radiusNm >= 5 && radiusNm <= 400)) {
            throw new IllegalArgumentException("radiusNm must be in [5, 400]");
        }
        Objects.requireNonNull(sourceName, "sourceName");
        share(helicopterShare, "helicopterShare");
        share(militaryShare, "militaryShare");
        if (helicopterShare + militaryShare > 1) {
            throw new IllegalArgumentException("helicopterShare + militaryShare must not exceed 1");
        }
        rate(emergenciesPerHour, "emergenciesPerHour");
        rate(closePairsPerHour, "closePairsPerHour");
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(
                DEFAULT_AIRCRAFT_COUNT, DEFAULT_UPDATE_RATE_HZ, DEFAULT_TICK_INTERVAL, DEFAULT_SEED,
                DEFAULT_RECEIVER_LAT, DEFAULT_RECEIVER_LON, DEFAULT_RADIUS_NM, DEFAULT_SOURCE_NAME,
                0.03, 0.05, 4.0, 6.0);
    }

    /**
     * Reads a {@code simulator { ... }} block; every key is optional and falls back to
     * {@link #defaults()}: {@code aircraft-count, update-rate-hz, tick-interval, seed, receiver-lat,
     * receiver-lon, radius-nm, source-name, helicopter-share, military-share, emergencies-per-hour,
     * close-pairs-per-hour}.
     */
    public static SimulatorSettings create(Config c) {
        SimulatorSettings d = defaults();
        return new SimulatorSettings(
                c.hasPath("aircraft-count") ? c.getInt("aircraft-count") : d.aircraftCount,
                c.hasPath("update-rate-hz") ? c.getDouble("update-rate-hz") : d.updateRateHz,
                c.hasPath("tick-interval") ? c.getDuration("tick-interval") : d.tickInterval,
                c.hasPath("seed") ? c.getLong("seed") : d.seed,
                c.hasPath("receiver-lat") ? c.getDouble("receiver-lat") : d.receiverLat,
                c.hasPath("receiver-lon") ? c.getDouble("receiver-lon") : d.receiverLon,
                c.hasPath("radius-nm") ? c.getDouble("radius-nm") : d.radiusNm,
                c.hasPath("source-name") ? c.getString("source-name") : d.sourceName,
                c.hasPath("helicopter-share") ? c.getDouble("helicopter-share") : d.helicopterShare,
                c.hasPath("military-share") ? c.getDouble("military-share") : d.militaryShare,
                c.hasPath("emergencies-per-hour") ? c.getDouble("emergencies-per-hour") : d.emergenciesPerHour,
                c.hasPath("close-pairs-per-hour") ? c.getDouble("close-pairs-per-hour") : d.closePairsPerHour);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(
                aircraftCount, updateRateHz, tickInterval, newSeed, receiverLat, receiverLon, radiusNm,
                sourceName, helicopterShare, militaryShare, emergenciesPerHour, closePairsPerHour);
    }

    public SimulatorSettings withAircraftCount(int count) {
        return new SimulatorSettings(
                count, updateRateHz, tickInterval, seed, receiverLat, receiverLon, radiusNm,
                sourceName, helicopterShare, militaryShare, emergenciesPerHour, closePairsPerHour);
    }

    public SimulatorSettings withReceiver(double lat, double lon, double radius) {
        return new SimulatorSettings(
                aircraftCount, updateRateHz, tickInterval, seed, lat, lon, radius,
                sourceName, helicopterShare, militaryShare, emergenciesPerHour, closePairsPerHour);
    }

    public SimulatorSettings withRates(double updateHz, Duration tick) {
        return new SimulatorSettings(
                aircraftCount, updateHz, tick, seed, receiverLat, receiverLon, radiusNm,
                sourceName, helicopterShare, militaryShare, emergenciesPerHour, closePairsPerHour);
    }

    /**
     * How many ticks one update cycle spans: aircraft {@code i} is updated on the ticks where
     * {@code tick % ticksPerUpdate == i % ticksPerUpdate}. 1 Hz at 200 ms ticks gives 5.
     */
    public int ticksPerUpdate() {
        long perUpdateMillis = Math.round(1000.0 / updateRateHz);
        return (int) Math.max(1, Math.round((double) perUpdateMillis / tickInterval.toMillis()));
    }

    private static void share(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]");
        }
    }

    private static void rate(double v, String name) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
    }
}
