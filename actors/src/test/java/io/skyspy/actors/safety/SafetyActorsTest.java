package io.skyspy.actors.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.Geo;
import io.skyspy.protocol.safety.SafetyEvent;
import io.skyspy.protocol.safety.SafetyNotice;
import io.skyspy.protocol.safety.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The conflict monitor and the node's safety view, with real topics. */
class SafetyActorsTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final Duration WAIT = Duration.ofSeconds(3);
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private <T> ActorRef<Topic.Command<T>> topic(Class<T> type, String name) {
        return kit.spawn(Topic.create(type, name));
    }

    @Test
    void theConflictMonitorOpensOnePairEpisodeAndEndsItWhenAnAircraftGoes() {
        ActorRef<Topic.Command<AircraftEvent>> aircraft = topic(AircraftEvent.class, "aircraft-cm");
        ActorRef<Topic.Command<SafetyNotice>> safety = topic(SafetyNotice.class, "safety-cm");
        TestProbe<SafetyNotice> listener = kit.createTestProbe();
        safety.tell(Topic.subscribe(listener.ref()));
        SafetySettings.Conflict c = SafetySettings.create(ConfigFactory.parseString("skyspy.safety.conflict.scan-interval = 50ms")
                .withFallback(ConfigFactory.load())).conflict();
        kit.spawn(ConflictMonitor.create(c, aircraft, safety, now::get));
        Geo.Point p = Geo.destination(35, -117, 90, 0.2);
        // the monitor subscribes asynchronously: publish until it has heard both
        TestProbe<Object> probe = kit.createTestProbe();
        SafetyNotice first = probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            aircraft.tell(Topic.publish(new AircraftEvent.New(States.of("C00001").at(35, -117, now.get()).alt(9000).build())));
            aircraft.tell(Topic.publish(new AircraftEvent.New(States.of("C00002").at(p.lat(), p.lon(), now.get()).alt(9100).build())));
            return listener.receiveMessage(Duration.ofMillis(200));
        });
        SafetyNotice.Opened opened = assertInstanceOf(SafetyNotice.Opened.class, first);
        assertEquals("C00001", opened.event().icaoHex());
        assertEquals("C00002", opened.event().icaoHex2());
        assertEquals(Severity.CRITICAL, opened.event().severity());
        // scans keep finding it: nothing new
        listener.expectNoMessage(Duration.ofMillis(200));
        aircraft.tell(Topic.publish(new AircraftEvent.Removed("C00002", "timeout")));
        SafetyNotice.Resolved resolved = assertInstanceOf(SafetyNotice.Resolved.class, listener.receiveMessage(WAIT));
        assertEquals(opened.event().id(), resolved.event().id());
    }

    @Test
    void theSafetyViewKeepsActiveEventsAcknowledgesEverywhereAndKeepsHistory() throws Exception {
        ActorRef<Topic.Command<SafetyNotice>> safety = topic(SafetyNotice.class, "safety-view");
        LinkedBlockingQueue<Object[]> out = new LinkedBlockingQueue<>();
        ActorRef<SafetyView.Command> view = kit.spawn(SafetyView.create(safety, new InMemorySafetyEventRepository(10),
                (n, e, active) -> out.add(new Object[] {n, e, active}), now::get));
        SafetyEvent e = new SafetyEvent(7, "emergency_squawk", Severity.CRITICAL, "A1B2C3", "N1", null, null,
                "Emergency squawk 7700 detected", SafetyEvent.tree(Map.of("squawk", "7700")), 1000, 1000, 0, false, null, 0);
        Object[] got = publishUntilHeard(safety, new SafetyNotice.Opened(e), out);
        assertEquals(List.of(e), got[2]);

        TestProbe<SafetyView.Events> events = kit.createTestProbe();
        view.tell(new SafetyView.GetActive(null, Severity.CRITICAL, events.ref()));
        assertEquals(List.of(e), events.receiveMessage(WAIT).events());
        view.tell(new SafetyView.GetActive("TCAS_RA", null, events.ref()));
        assertTrue(events.receiveMessage(WAIT).events().isEmpty());

        TestProbe<SafetyView.Found> found = kit.createTestProbe();
        view.tell(new SafetyView.Acknowledge(7, "alice", found.ref()));
        assertTrue(found.receiveMessage(WAIT).event().orElseThrow().acknowledged());
        Object[] acked = out.poll(3, TimeUnit.SECONDS);
        assertInstanceOf(SafetyNotice.Acknowledged.class, acked[0]);
        assertEquals("alice", ((SafetyEvent) acked[1]).acknowledgedBy());
        view.tell(new SafetyView.Acknowledge(99, "alice", found.ref()));
        assertTrue(found.receiveMessage(WAIT).event().isEmpty(), "unknown events cannot be acknowledged");

        safety.tell(Topic.publish(new SafetyNotice.Resolved(e.resolved(2000))));
        Object[] resolved = out.poll(3, TimeUnit.SECONDS);
        assertTrue(((SafetyEvent) resolved[1]).acknowledged(), "the acknowledgement survives the end of the episode");
        assertEquals(List.of(), resolved[2]);
        view.tell(new SafetyView.GetHistory(null, "A1B2C3", 5, events.ref()));
        SafetyEvent past = events.receiveMessage(WAIT).events().get(0);
        assertEquals(2000, past.resolvedAt());
        assertTrue(past.acknowledged());
    }

    private static Object[] publishUntilHeard(ActorRef<Topic.Command<SafetyNotice>> topic, SafetyNotice n,
            LinkedBlockingQueue<Object[]> out) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            topic.tell(Topic.publish(n));
            Object[] got = out.poll(100, TimeUnit.MILLISECONDS);
            if (got != null) {
                // repeats of the same Opened may still be on their way: let them arrive and drop them
                while (out.poll(200, TimeUnit.MILLISECONDS) != null) {
                    // drained
                }
                return got;
            }
        }
        throw new AssertionError("the view never subscribed");
    }
}
