package io.skyspy.streams.feed.sim;

import io.skyspy.protocol.model.AircraftReport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The simulator as a feed: a batch of reports every tick interval, on a fixed schedule.
 *
 * <p>Each materialization builds its own {@link TrafficSimulator} inside the stream, so no
 * mutable state is shared between runs or threads. Ticks are dropped, not queued, while the
 * consumer backpressures; the aircraft then simply cover more ground on their next update.
 */
public final class SimulatorFeed {

    private enum Tick { INSTANCE }

    private SimulatorFeed() {}

    public static Source<AircraftReport, NotUsed> source(SimulatorSettings settings, Clock clock) {
        return Source.tick(Duration.ZERO, settings.tickInterval(), Tick.INSTANCE)
                .mapMaterializedValue(cancellable -> NotUsed.getInstance())
                .statefulMap(
                        () -> new TrafficSimulator(settings),
                        (TrafficSimulator sim, Tick tick) -> Pair.create(sim, sim.tick(clock.millis())),
                        sim -> Optional.<List<AircraftReport>>empty())
                .mapConcat(reports -> reports)
                .named("simulator-feed");
    }
}
