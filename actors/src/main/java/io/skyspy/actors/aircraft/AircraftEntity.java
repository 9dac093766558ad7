package io.skyspy.actors.aircraft;

import io.skyspy.actors.safety.AircraftSafety;
import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.model.AircraftChanges;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftReport;
import io.skyspy.protocol.model.AircraftState;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One aircraft, the single writer of its state in the whole cluster (sharded by ICAO hex).
 * Merges reports from every feed, keeps a short track, publishes {@code new} / {@code delta} /
 * {@code removed} on the aircraft topic, and passivates after it removed itself for silence.
 * Its per-aircraft safety rules ({@link AircraftSafety}) run here, so each episode is detected
 * once in the whole cluster.
 */
public final class AircraftEntity extends AbstractBehavior<AircraftEntity.Command> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Aircraft");

    public sealed interface Command extends CborSerializable {}

    /** A feed saw this aircraft. */
    public record Report(AircraftReport report) implements Command {}

    /** Current state and track, or empty when the aircraft is not tracked. */
    public record Get(ActorRef<Current> replyTo) implements Command {}

    public record Current(Optional<AircraftState> state, List<AircraftTrack.Point> track) implements CborSerializable {}

    /** Sharding's stop message after passivation. */
    public enum Stop implements Command { INSTANCE }

    private enum CheckSilence implements Command { INSTANCE }

    private final ActorContext<Command> context;
    private final String hex;
    private final AircraftSettings settings;
    private final AircraftMerger merger;
    private final UnaryOperator<AircraftState> enrich;
    private final ActorRef<Topic.Command<AircraftEvent>> topic;
    private final LongSupplier clock;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    private final AircraftTrack track;
    private final AircraftSafety safety;
    private AircraftState state;
    private AircraftState published;
    private boolean removed;

    /** Registers the entity type with sharding on this node. */
    public static ActorRef<ShardingEnvelope<Command>> init(ActorSystem<?> system, AircraftSettings settings,
            UnaryOperator<AircraftState> enrich, ActorRef<Topic.Command<AircraftEvent>> topic) {
        return init(system, settings, enrich, topic, hex -> AircraftSafety.disabled(), Props.empty());
    }

    /**
     * @param safety makes each aircraft's safety monitor (its notices go to the safety topic)
     * @param props where the entities run (their dispatcher)
     * @return the node's shard region: feeds send every report through it as a
     *     {@code ShardingEnvelope} (building an {@link EntityRef} per report URL-encodes the hex
     *     each time, ~1.4 % of the server's CPU samples at 5,000 clients)
     */
    public static ActorRef<ShardingEnvelope<Command>> init(ActorSystem<?> system, AircraftSettings settings,
            UnaryOperator<AircraftState> enrich, ActorRef<Topic.Command<AircraftEvent>> topic, AircraftSafety.Factory safety,
            Props props) {
        AircraftMerger merger = new AircraftMerger(settings.receiver());
        return ClusterSharding.get(system).init(Entity.of(TYPE_KEY,
                        ctx -> create(ctx.getEntityId(), settings, merger, enrich, topic, ctx.getShard(),
                                System::currentTimeMillis, safety.create(ctx.getEntityId())))
                .withStopMessage(Stop.INSTANCE)
                .withEntityProps(props));
    }

    public static EntityRef<Command> ref(ActorSystem<?> system, String hex) {
        return ClusterSharding.get(system).entityRefFor(TYPE_KEY, hex);
    }

    public static Behavior<Command> create(String hex, AircraftSettings settings, AircraftMerger merger,
            UnaryOperator<AircraftState> enrich, ActorRef<Topic.Command<AircraftEvent>> topic,
            ActorRef<ClusterSharding.ShardCommand> shard, LongSupplier clock) {
        return create(hex, settings, merger, enrich, topic, shard, clock, AircraftSafety.disabled());
    }

    public static Behavior<Command> create(String hex, AircraftSettings settings, AircraftMerger merger,
            UnaryOperator<AircraftState> enrich, ActorRef<Topic.Command<AircraftEvent>> topic,
            ActorRef<ClusterSharding.ShardCommand> shard, LongSupplier clock, AircraftSafety safety) {
        return Behaviors.<Command>supervise(Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                        new AircraftEntity(ctx, timers, hex, settings, merger, enrich, topic, shard, clock, safety))))
                .onFailure(SupervisorStrategy.restart());
    }

    private AircraftEntity(ActorContext<Command> context, TimerScheduler<Command> timers, String hex,
            AircraftSettings settings, AircraftMerger merger, UnaryOperator<AircraftState> enrich,
            ActorRef<Topic.Command<AircraftEvent>> topic, ActorRef<ClusterSharding.ShardCommand> shard,
            LongSupplier clock, AircraftSafety safety) {
        super(context);
        this.safety = safety;
        this.shard = shard;
        this.context = context;
        this.hex = hex;
        this.settings = settings;
        this.merger = merger;
        this.enrich = enrich;
        this.topic = topic;
        this.clock = clock;
        this.track = new AircraftTrack(settings.trackLength(), settings.trackSpacing().toMillis());
        timers.startTimerWithFixedDelay(CheckSilence.INSTANCE, settings.silenceCheck());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Report.class, this::onReport)
                .onMessage(Get.class, this::onGet)
                .onMessageEquals(CheckSilence.INSTANCE, this::onCheckSilence)
                .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
                .build();
    }

    private Behavior<Command> onReport(Report r) {
        if (state == null || removed) {
            state = enrich.apply(merger.merge(AircraftState.empty(hex), r.report()));
            removed = false;
            publish(new AircraftEvent.New(state));
            published = state;
        } else {
            state = merger.merge(state, r.report());
            AircraftChanges changes = state.changesSince(published);
            if (!changes.isEmpty()) {
                publish(new AircraftEvent.Delta(changes, state));
                published = state;
            }
        }
        track.add(state);
        safety.observe(r.report(), state, clock.getAsLong());
        return this;
    }

    private Behavior<Command> onGet(Get g) {
        g.replyTo().tell(new Current(removed ? Optional.empty() : Optional.ofNullable(state), track.points()));
        // asked about an aircraft nobody reported: do not linger
        return state == null ? passivate() : this;
    }

    private Behavior<Command> onCheckSilence() {
        if (state != null && !removed && clock.getAsLong() - state.lastSeen() > settings.removeAfter().toMillis()) {
            removed = true;
            publish(new AircraftEvent.Removed(hex, "timeout"));
            safety.removed(clock.getAsLong());
            return passivate();
        }
        safety.tick(clock.getAsLong());
        return this;
    }

    private void publish(AircraftEvent e) {
        topic.tell(Topic.publish(e));
    }

    private Behavior<Command> passivate() {
        if (shard == null) {
            return Behaviors.stopped();
        }
        // the shard stops us with Stop once the messages it buffered for us are handled
        shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
        return this;
    }
}
