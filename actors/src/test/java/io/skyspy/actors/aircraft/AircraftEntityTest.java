package io.skyspy.actors.aircraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AircraftEntityTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private final AtomicLong now = new AtomicLong(1_000_000);

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private ActorRef<AircraftEntity.Command> spawn(TestProbe<Topic.Command<AircraftEvent>> topic, Duration removeAfter) {
        AircraftSettings settings = new AircraftSettings(removeAfter, 10, Duration.ZERO, Optional.empty());
        return kit.spawn(AircraftEntity.create("A1B2C3", settings, new AircraftMerger(Optional.empty()),
                s -> s, topic.ref(), null, now::get));
    }

    private AircraftEvent published(TestProbe<Topic.Command<AircraftEvent>> topic) {
        Topic.Command<AircraftEvent> c = topic.receiveMessage(Duration.ofSeconds(3));
        // Topic.publish wraps the event in an internal Publish message
        return (AircraftEvent) ((org.apache.pekko.actor.typed.internal.pubsub.TopicImpl.Publish<?>) c).message();
    }

    @Test
    void newThenDeltaWithOnlyChangedFieldsThenNothingForRepeats() {
        TestProbe<Topic.Command<AircraftEvent>> topic = kit.createTestProbe();
        ActorRef<AircraftEntity.Command> e = spawn(topic, Duration.ofMinutes(1));
        e.tell(new AircraftEntity.Report(AircraftReport.builder("sbs", "A1B2C3", now.get())
                .set(AircraftField.FLIGHT, "SWA1").set(AircraftField.ALT_BARO, 5000).build()));
        AircraftEvent.New n = assertInstanceOf(AircraftEvent.New.class, published(topic));
        assertEquals("SWA1", n.state().get(AircraftField.FLIGHT));

        e.tell(new AircraftEntity.Report(AircraftReport.builder("sbs", "A1B2C3", now.get() + 1)
                .set(AircraftField.ALT_BARO, 5100).set(AircraftField.FLIGHT, "SWA1").build()));
        AircraftEvent.Delta d = assertInstanceOf(AircraftEvent.Delta.class, published(topic));
        assertEquals(java.util.Map.of("alt_baro", 5100), d.changes().asMap());

        e.tell(new AircraftEntity.Report(AircraftReport.builder("sbs", "A1B2C3", now.get() + 2)
                .set(AircraftField.ALT_BARO, 5100).build()));
        topic.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void removesItselfAfterSilence() {
        TestProbe<Topic.Command<AircraftEvent>> topic = kit.createTestProbe();
        ActorRef<AircraftEntity.Command> e = spawn(topic, Duration.ofMillis(400));
        e.tell(new AircraftEntity.Report(AircraftReport.builder("sbs", "A1B2C3", now.get()).set(AircraftField.SQUAWK, "1200").build()));
        assertInstanceOf(AircraftEvent.New.class, published(topic));
        now.addAndGet(1000);
        AircraftEvent.Removed r = assertInstanceOf(AircraftEvent.Removed.class, published(topic));
        assertEquals("timeout", r.reason());
        TestProbe<Object> watcher = kit.createTestProbe();
        watcher.expectTerminated(e, Duration.ofSeconds(3));
        assertTrue(true);
    }
}
