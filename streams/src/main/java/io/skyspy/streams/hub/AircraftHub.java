package io.skyspy.streams.hub;

import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.fanout.Frame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.Supervision;
import org.apache.pekko.stream.ThrottleMode;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The node's aircraft stream: events from the aircraft topic in, serialized frames out to the
 * fan-out. One running graph per node:
 *
 * <pre>
 * events --groupedWithin(max_size, window)--+
 * flush tick (window) ----------------------+--> hub logic (apply, conflate per aircraft,
 * update tick --throttle(update rate)-------+     serialize once) --> fan-out
 * heartbeat tick ---------------------------+
 * </pre>
 */
public final class AircraftHub {
    private sealed interface Input permits Batch, Tick {}

    private record Batch(List<AircraftEvent> events) implements Input {}

    private enum Tick implements Input { FLUSH, UPDATE, HEARTBEAT }

    private final AtomicReference<AircraftPicture> picture = new AtomicReference<>();
    private final AtomicLong dropped = new AtomicLong();
    private final BoundedSourceQueue<AircraftEvent> input;
    private final UniqueKillSwitch killSwitch;

    private AircraftHub(HubSettings settings, FanOut fanOut, ActorSystem<?> system, Attributes attributes) {
        AircraftHubLogic logic = new AircraftHubLogic(settings, System::currentTimeMillis, picture::set);
        Duration window = settings.window();
        Source<Input, NotUsed> ticks = Source.<Input>tick(window, window, Tick.FLUSH)
                .merge(Source.<Input>tick(settings.updateInterval(), settings.updateInterval(), Tick.UPDATE)
                        .throttle(Math.max(1, (int) Math.floor(settings.updateRateHz())), Duration.ofSeconds(1),
                                1, ThrottleMode.shaping()))
                .merge(Source.<Input>tick(settings.heartbeatInterval(), settings.heartbeatInterval(), Tick.HEARTBEAT))
                .mapMaterializedValue(c -> NotUsed.getInstance());
        Pair<Pair<BoundedSourceQueue<AircraftEvent>, UniqueKillSwitch>, ?> running = Source.<AircraftEvent>queue(settings.inputBuffer())
                .groupedWithin(settings.maxBatchSize(), window)
                .<Input>map(Batch::new)
                .merge(ticks)
                .viaMat(KillSwitches.single(), Keep.both())
                .mapConcat(in -> step(logic, in))
                .withAttributes(ActorAttributes.withSupervisionStrategy(Supervision.getResumingDecider()))
                .toMat(Sink.foreach(fanOut::publish), Keep.both())
                .named("aircraft-hub")
                .addAttributes(attributes)
                .run(system);
        this.input = running.first().first();
        this.killSwitch = running.first().second();
    }

    /** @param attributes for the running graph, e.g. the dispatcher it runs on */
    public static AircraftHub start(HubSettings settings, FanOut fanOut, ActorSystem<?> system, Attributes attributes) {
        return new AircraftHub(settings, fanOut, system, attributes);
    }

    private static List<Frame> step(AircraftHubLogic logic, Input in) {
        if (in instanceof Batch b) {
            return logic.onEvents(b.events());
        }
        return switch ((Tick) in) {
            case FLUSH -> logic.flush();
            case UPDATE -> logic.size() == 0 ? List.of() : List.of(logic.update());
            case HEARTBEAT -> List.of(logic.heartbeat());
        };
    }

    /** Hands an event to the hub; never blocks. Overflow is counted (see {@link #droppedEvents()}). */
    public void offer(AircraftEvent event) {
        if (input.offer(event) != QueueOfferResult.enqueued()) {
            dropped.incrementAndGet();
        }
    }

    /** The picture as of the newest frame; what a connecting client gets as its snapshot. */
    public AircraftPicture picture() {
        return picture.get();
    }

    public long droppedEvents() {
        return dropped.get();
    }

    public void shutdown() {
        killSwitch.shutdown();
    }
}
