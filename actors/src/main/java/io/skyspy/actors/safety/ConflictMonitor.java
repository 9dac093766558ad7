package io.skyspy.actors.safety;

import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.safety.SafetyNotice;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * Proximity conflicts need the whole picture, so they are detected once per cluster: this actor
 * runs as a cluster singleton, keeps its own copy of the sky from the aircraft topic (every event
 * carries the full state, so it catches up from whatever it hears first) and scans it on a timer.
 *
 * <p>Why a singleton rather than every node with a deterministic owner per pair: each node
 * would still need the whole picture, and pair ownership would move with membership changes,
 * opening an episode twice or losing its end. The scan is cheap (a latitude sweep); the price is
 * that a failover forgets open episodes, so an ongoing conflict is reported once more by the new
 * singleton.
 */
public final class ConflictMonitor extends AbstractBehavior<ConflictMonitor.Command> {

    /** Only the actor's own adapters and timer talk to it. */
    public sealed interface Command {}

    private record Aircraft(AircraftEvent event) implements Command {}

    private enum Scan implements Command { INSTANCE }

    private final ConflictDetector detector;
    private final Episodes episodes = new Episodes();
    private final Map<String, AircraftState> sky = new HashMap<>();
    private final ActorRef<Topic.Command<SafetyNotice>> safetyTopic;
    private final LongSupplier clock;

    /** Starts (or joins) the cluster's one instance; every node calls this once. */
    public static void initSingleton(ActorSystem<?> system, SafetySettings settings,
            ActorRef<Topic.Command<AircraftEvent>> aircraftTopic, ActorRef<Topic.Command<SafetyNotice>> safetyTopic) {
        if (!settings.enabled() || !settings.conflict().enabled()) {
            return;
        }
        ClusterSingleton.get(system).init(SingletonActor.of(
                create(settings.conflict(), aircraftTopic, safetyTopic, System::currentTimeMillis), "conflict-monitor"));
    }

    public static Behavior<Command> create(SafetySettings.Conflict settings, ActorRef<Topic.Command<AircraftEvent>> aircraftTopic,
            ActorRef<Topic.Command<SafetyNotice>> safetyTopic, LongSupplier clock) {
        return Behaviors.<Command>supervise(Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
                    aircraftTopic.tell(Topic.subscribe(ctx.messageAdapter(AircraftEvent.class, Aircraft::new)));
                    timers.startTimerWithFixedDelay(Scan.INSTANCE, settings.scanInterval());
                    return new ConflictMonitor(ctx, new ConflictDetector(settings), safetyTopic, clock);
                })))
                .onFailure(SupervisorStrategy.restart());
    }

    private ConflictMonitor(ActorContext<Command> context, ConflictDetector detector,
            ActorRef<Topic.Command<SafetyNotice>> safetyTopic, LongSupplier clock) {
        super(context);
        this.detector = detector;
        this.safetyTopic = safetyTopic;
        this.clock = clock;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Aircraft.class, this::onAircraft)
                .onMessageEquals(Scan.INSTANCE, this::onScan)
                .build();
    }

    private Behavior<Command> onAircraft(Aircraft a) {
        AircraftEvent e = a.event();
        if (e instanceof AircraftEvent.New n) {
            sky.put(n.hex(), n.state());
        } else if (e instanceof AircraftEvent.Delta d) {
            sky.put(d.hex(), d.state());
        } else {
            sky.remove(e.hex());
            episodes.resolveIf(ev -> ev.involves(e.hex()), clock.getAsLong()).forEach(this::publish);
        }
        return this;
    }

    private Behavior<Command> onScan() {
        long now = clock.getAsLong();
        episodes.observe(detector.scan(sky.values(), now), now).forEach(this::publish);
        return this;
    }

    private void publish(SafetyNotice n) {
        safetyTopic.tell(Topic.publish(n));
    }
}
