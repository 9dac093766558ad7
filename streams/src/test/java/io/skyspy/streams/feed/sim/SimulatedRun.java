package io.skyspy.streams.feed.sim;

import io.skyspy.protocol.model.AircraftReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Drives a simulator with a synthetic clock: simulated minutes run in milliseconds, no waiting. */
final class SimulatedRun {
    static final long START = 1_700_000_000_000L;

    private SimulatedRun() {}

    /** Calls {@code perTick} with every batch of {@code seconds} simulated seconds. */
    static void run(TrafficSimulator sim, int seconds, Consumer<List<AircraftReport>> perTick) {
        long tickMillis = sim.settings().tickInterval().toMillis();
        long ticks = seconds * 1000L / tickMillis;
        for (long k = 0; k < ticks; k++) {
            perTick.accept(sim.tick(START + k * tickMillis));
        }
    }

    static List<AircraftReport> collect(TrafficSimulator sim, int seconds) {
        List<AircraftReport> all = new ArrayList<>();
        run(sim, seconds, all::addAll);
        return all;
    }
}
