package io.skyspy.streams.feed.sim;

import io.skyspy.protocol.model.AircraftReport;
import io.skyspy.protocol.model.Geo;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Keeps a fixed number of simulated aircraft flying around a receiver and reports a share of them
 * on every tick.
 *
 * <p>Deterministic: the same settings and the same sequence of {@code now} values give the same
 * reports. There is no clock inside; time only moves when {@link #tick} is called. Not thread
 * safe: one simulator belongs to one stream.
 *
 * <p>Updates are spread evenly: with {@code g = settings.ticksPerUpdate()}, tick {@code k}
 * (counting from 0) reports the aircraft in the slots {@code i} with {@code i % g == k % g}. At
 * 1 Hz and 200 ms ticks each aircraft moves once a second and every batch holds a fifth of them.
 * An aircraft that is lost or has parked is replaced in its slot by a newcomer with a new address.
 *
 * <p>A tick costs O(aircraft / g) and allocates only the reports and their list.
 */
public final class TrafficSimulator {

    /** A longer gap (a stalled stream, a suspended laptop) is flown as if it were this long. */
    private static final double MAX_STEP_SECONDS = 10;
    private static final long NEVER = Long.MIN_VALUE;

    private final SimulatorSettings settings;
    private final SplittableRandom rnd;
    private final SimAircraft[] slots;
    private final Identities identities;
    private final Pilot pilot;
    private final Spawner spawner;
    private final TrafficEvents events;
    private final int ticksPerUpdate;
    private long ticks;
    private long lastTickMillis = NEVER;

    public TrafficSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.rnd = new SplittableRandom(settings.seed());
        this.ticksPerUpdate = settings.ticksPerUpdate();
        Airport[] airports = airportsAround(settings, rnd);
        this.identities = new Identities(rnd);
        this.pilot = new Pilot(airports, settings, rnd);
        this.spawner = new Spawner(settings, airports, identities, rnd);
        this.events = new TrafficEvents(settings, rnd, spawner, identities, pilot);
        this.slots = new SimAircraft[settings.aircraftCount()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new SimAircraft();
            slots[i].reset();
            spawner.spawn(slots[i], true);
            slots[i].distanceNm = distanceFromReceiver(slots[i]);
        }
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public int aircraftCount() {
        return slots.length;
    }

    public int ticksPerUpdate() {
        return ticksPerUpdate;
    }

    /** Advances the aircraft due at this tick to {@code nowMillis} and returns their reports. */
    public List<AircraftReport> tick(long nowMillis) {
        int group = (int) (ticks % ticksPerUpdate);
        ticks++;
        double elapsed = lastTickMillis == NEVER ? 0 : seconds(nowMillis - lastTickMillis);
        lastTickMillis = nowMillis;
        identities.setTime(nowMillis);
        events.advance(elapsed, slots);
        List<AircraftReport> reports = new ArrayList<>(slots.length / ticksPerUpdate + 1);
        for (int i = group; i < slots.length; i += ticksPerUpdate) {
            reports.add(update(slots[i], nowMillis));
        }
        return reports;
    }

    private AircraftReport update(SimAircraft a, long now) {
        double dt = a.lastUpdateMillis == SimAircraft.NEVER ? 0 : seconds(now - a.lastUpdateMillis);
        a.lastUpdateMillis = now;
        if (a.inEmergency()) {
            a.emergencyLeft -= dt;
        }
        pilot.fly(a, dt);
        a.advance(dt);
        a.distanceNm = distanceFromReceiver(a);
        if (a.retired || a.distanceNm > settings.radiusNm()) {
            identities.release(a);
            a.reset();
            spawner.spawn(a, false);
            a.lastUpdateMillis = now;
            a.distanceNm = distanceFromReceiver(a);
        }
        return ReportWriter.report(a, settings.sourceName(), now, rssi(a));
    }

    /** Weaker with distance, as a real receiver sees it, plus a little noise. */
    private double rssi(SimAircraft a) {
        double dbfs = -2.5 - 27 * Math.sqrt(a.distanceNm / settings.radiusNm()) + (rnd.nextDouble() - 0.5) * 3;
        return SimAircraft.clamp(dbfs, -49.5, -0.5);
    }

    private double distanceFromReceiver(SimAircraft a) {
        return Geo.distanceNm(settings.receiverLat(), settings.receiverLon(), a.lat, a.lon);
    }

    private static double seconds(long millis) {
        return SimAircraft.clamp(millis / 1000.0, 0, MAX_STEP_SECONDS);
    }

    /**
     * The receiver's own airport and three more around it, well inside coverage so that arrivals
     * and departures are seen from the ground up.
     */
    private static Airport[] airportsAround(SimulatorSettings s, SplittableRandom rnd) {
        double[][] placements = {{40, 0.35}, {150, 0.45}, {285, 0.3}};
        double rotation = rnd.nextDouble() * 360;
        Airport[] airports = new Airport[placements.length + 1];
        airports[0] = new Airport(s.receiverLat(), s.receiverLon(), runwayHeading(rnd));
        for (int i = 0; i < placements.length; i++) {
            Geo.Point p = Geo.destination(
                    s.receiverLat(), s.receiverLon(), placements[i][0] + rotation, placements[i][1] * s.radiusNm());
            airports[i + 1] = new Airport(p.lat(), p.lon(), runwayHeading(rnd));
        }
        return airports;
    }

    private static double runwayHeading(SplittableRandom rnd) {
        return 10 * rnd.nextInt(36);
    }
}
