package io.skyspy.streams.feed.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftReport;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SimulatorFeedTest {

    private static final ActorTestKit testKit = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    @Test
    void emitsBatchesOnTheTickSchedule() throws Exception {
        SimulatorSettings settings =
                SimulatorSettings.defaults().withAircraftCount(20).withRates(1, Duration.ofMillis(50));
        long before = System.currentTimeMillis();
        // 20 aircraft over 20 ticks of 50 ms: one report per tick, so 30 reports span 30 ticks
        List<AircraftReport> reports = SimulatorFeed.source(settings, Clock.systemUTC())
                .take(30)
                .runWith(Sink.seq(), testKit.system())
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        long after = System.currentTimeMillis();

        assertEquals(30, reports.size());
        Set<String> hexes = new HashSet<>();
        for (AircraftReport r : reports) {
            ReportChecks.assertValid(r);
            assertTrue(r.receivedAt() >= before && r.receivedAt() <= after, r.toString());
            hexes.add(r.hex());
        }
        assertTrue(hexes.size() >= 20, "every aircraft reported: " + hexes.size());
    }

    @Test
    void eachMaterializationRunsItsOwnSimulator() throws Exception {
        var source = SimulatorFeed.source(SimulatorSettings.defaults(), Clock.systemUTC()).take(12);
        List<AircraftReport> first = source.runWith(Sink.seq(), testKit.system()).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        List<AircraftReport> second = source.runWith(Sink.seq(), testKit.system()).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        // same seed, fresh simulator: the first batch names the same aircraft
        assertEquals(first.stream().map(AircraftReport::hex).toList(), second.stream().map(AircraftReport::hex).toList());
    }
}
