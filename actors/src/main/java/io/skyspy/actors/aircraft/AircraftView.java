package io.skyspy.actors.aircraft;

import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * This node's read model of the sky, fed by the aircraft topic: answers single-aircraft, list and
 * statistics queries without asking any entity, and hands every event on to the node's stream
 * hub ({@code downstream}), so the topic is subscribed once per node.
 */
public final class AircraftView extends AbstractBehavior<AircraftView.Command> {

    public sealed interface Command {}

    public record GetAircraft(String hex, ActorRef<Found> replyTo) implements Command {}

    public record Found(Optional<AircraftState> state) implements CborSerializable {}

    public record ListAircraft(AircraftFilter filter, ActorRef<Listed> replyTo) implements Command {}

    public record Listed(List<AircraftState> aircraft, long timestamp) implements CborSerializable {}

    public record GetStatistics(ActorRef<Statistics> replyTo) implements Command {}

    public record Statistics(Map<String, Object> stats) implements CborSerializable {}

    private record Event(AircraftEvent event) implements Command {}

    private final Map<String, AircraftState> aircraft = new HashMap<>();
    private final Consumer<AircraftEvent> downstream;

    public static Behavior<Command> create(ActorRef<Topic.Command<AircraftEvent>> topic, Consumer<AircraftEvent> downstream) {
        return Behaviors.<Command>supervise(Behaviors.setup(ctx -> {
                    topic.tell(Topic.subscribe(ctx.messageAdapter(AircraftEvent.class, Event::new)));
                    return new AircraftView(ctx, downstream);
                }))
                .onFailure(SupervisorStrategy.restart());
    }

    private AircraftView(ActorContext<Command> context, Consumer<AircraftEvent> downstream) {
        super(context);
        this.downstream = downstream;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Event.class, this::onEvent)
                .onMessage(GetAircraft.class, this::onGet)
                .onMessage(ListAircraft.class, this::onList)
                .onMessage(GetStatistics.class, this::onStatistics)
                .build();
    }

    private Behavior<Command> onEvent(Event e) {
        AircraftEvent event = e.event();
        if (event instanceof AircraftEvent.New n) {
            aircraft.put(n.hex(), n.state());
        } else if (event instanceof AircraftEvent.Delta d) {
            aircraft.put(d.hex(), d.state());
        } else {
            aircraft.remove(event.hex());
        }
        downstream.accept(event);
        return this;
    }

    private Behavior<Command> onGet(GetAircraft g) {
        g.replyTo().tell(new Found(Optional.ofNullable(aircraft.get(g.hex().toUpperCase()))));
        return this;
    }

    private Behavior<Command> onList(ListAircraft l) {
        List<AircraftState> matching = aircraft.values().stream().filter(l.filter()::matches).toList();
        l.replyTo().tell(new Listed(matching, System.currentTimeMillis()));
        return this;
    }

    private Behavior<Command> onStatistics(GetStatistics g) {
        g.replyTo().tell(new Statistics(AircraftStatistics.of(aircraft.values(), System.currentTimeMillis())));
        return this;
    }
}
