package io.skyspy.actors.safety;

import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.safety.SafetyEvent;
import io.skyspy.protocol.safety.SafetyNotice;
import io.skyspy.protocol.safety.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's view of safety, fed by the cluster-wide safety topic: the active events (for
 * snapshots and {@code active_events}), the history through the repository, and every notice
 * handed on to the node's hub as it arrives, which turns it into frames once for the node.
 *
 * <p>Acknowledging goes through the topic too, so every node marks the event and tells its own
 * clients.
 */
public final class SafetyView extends AbstractBehavior<SafetyView.Command> {
    private static final Logger log = LoggerFactory.getLogger(SafetyView.class);

    /** Where each applied notice goes, with the event as it is now and all active events after it. */
    @FunctionalInterface
    public interface Output {
        void accept(SafetyNotice notice, SafetyEvent event, List<SafetyEvent> active);
    }

    public sealed interface Command {}

    /** Active events, optionally of one type and one severity. */
    public record GetActive(String eventType, Severity severity, ActorRef<Events> replyTo) implements Command {}

    /** Past and present events, newest first. */
    public record GetHistory(String eventType, String icao, int limit, ActorRef<Events> replyTo) implements Command {}

    public record GetEvent(long id, ActorRef<Found> replyTo) implements Command {}

    /** Marks an event acknowledged everywhere; answers with the event as acknowledged, or empty if unknown. */
    public record Acknowledge(long id, String by, ActorRef<Found> replyTo) implements Command {}

    public record Events(List<SafetyEvent> events) implements CborSerializable {}

    public record Found(Optional<SafetyEvent> event) implements CborSerializable {}

    private record Notice(SafetyNotice notice) implements Command {}

    private record Loaded(Optional<SafetyEvent> event, ActorRef<Found> replyTo, String ackBy) implements Command {}

    private record HistoryLoaded(List<SafetyEvent> events, ActorRef<Events> replyTo) implements Command {}

    private record AckLoaded(Optional<SafetyEvent> event, SafetyNotice.Acknowledged ack) implements Command {}

    private final Map<Long, SafetyEvent> active = new LinkedHashMap<>();
    private final ActorRef<Topic.Command<SafetyNotice>> topic;
    private final SafetyEventRepository repository;
    private final Output output;
    private final LongSupplier clock;

    public static Behavior<Command> create(ActorRef<Topic.Command<SafetyNotice>> topic, SafetyEventRepository repository,
            Output output, LongSupplier clock) {
        return Behaviors.<Command>supervise(Behaviors.setup(ctx -> {
                    topic.tell(Topic.subscribe(ctx.messageAdapter(SafetyNotice.class, Notice::new)));
                    return new SafetyView(ctx, topic, repository, output, clock);
                }))
                .onFailure(SupervisorStrategy.restart());
    }

    private SafetyView(ActorContext<Command> context, ActorRef<Topic.Command<SafetyNotice>> topic,
            SafetyEventRepository repository, Output output, LongSupplier clock) {
        super(context);
        this.topic = topic;
        this.repository = repository;
        this.output = output;
        this.clock = clock;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Notice.class, this::onNotice)
                .onMessage(GetActive.class, this::onGetActive)
                .onMessage(GetHistory.class, this::onGetHistory)
                .onMessage(HistoryLoaded.class, this::onHistoryLoaded)
                .onMessage(GetEvent.class, this::onGetEvent)
                .onMessage(Acknowledge.class, this::onAcknowledge)
                .onMessage(Loaded.class, this::onLoaded)
                .onMessage(AckLoaded.class, this::onAckLoaded)
                .build();
    }

    private Behavior<Command> onNotice(Notice n) {
        SafetyNotice notice = n.notice();
        if (notice instanceof SafetyNotice.Opened o) {
            apply(notice, o.event());
        } else if (notice instanceof SafetyNotice.Updated u) {
            // an acknowledgement that arrived first is kept
            SafetyEvent known = active.get(u.event().id());
            apply(notice, known != null && known.acknowledged()
                    ? u.event().acknowledged(known.acknowledgedBy(), known.acknowledgedAt()) : u.event());
        } else if (notice instanceof SafetyNotice.Resolved r) {
            SafetyEvent known = active.get(r.event().id());
            apply(notice, known != null && known.acknowledged()
                    ? r.event().acknowledged(known.acknowledgedBy(), known.acknowledgedAt()) : r.event());
        } else if (notice instanceof SafetyNotice.Acknowledged a) {
            SafetyEvent known = active.get(a.id());
            if (known != null) {
                apply(notice, known.acknowledged(a.by(), a.at()));
            } else {
                getContext().pipeToSelf(repository.find(a.id()), (found, err) ->
                        new AckLoaded(found == null ? Optional.empty() : found, a));
            }
        }
        return this;
    }

    private Behavior<Command> onAckLoaded(AckLoaded l) {
        l.event().filter(e -> !e.acknowledged())
                .ifPresent(e -> apply(l.ack(), e.acknowledged(l.ack().by(), l.ack().at())));
        return this;
    }

    private void apply(SafetyNotice notice, SafetyEvent event) {
        if (event.active()) {
            active.put(event.id(), event);
        } else {
            active.remove(event.id());
        }
        repository.save(event).whenComplete((d, err) -> {
            if (err != null) {
                log.warn("safety event {} not saved: {}", event.id(), err.toString());
            }
        });
        output.accept(notice, event, activeList());
    }

    private List<SafetyEvent> activeList() {
        List<SafetyEvent> list = new ArrayList<>(active.values());
        // most urgent first, then newest
        list.sort(Comparator.comparing(SafetyEvent::severity).thenComparing(SafetyEvent::detectedAt, Comparator.reverseOrder()));
        return list;
    }

    private Behavior<Command> onGetActive(GetActive g) {
        List<SafetyEvent> out = activeList().stream()
                .filter(e -> g.eventType() == null || g.eventType().equalsIgnoreCase(e.eventType()))
                .filter(e -> g.severity() == null || e.severity() == g.severity())
                .toList();
        g.replyTo().tell(new Events(out));
        return this;
    }

    private Behavior<Command> onGetHistory(GetHistory g) {
        getContext().pipeToSelf(repository.history(g.eventType(), g.icao(), g.limit()),
                (events, err) -> new HistoryLoaded(events == null ? List.of() : events, g.replyTo()));
        return this;
    }

    private Behavior<Command> onHistoryLoaded(HistoryLoaded h) {
        h.replyTo().tell(new Events(h.events()));
        return this;
    }

    private Behavior<Command> onGetEvent(GetEvent g) {
        lookup(g.id(), g.replyTo(), null);
        return this;
    }

    private Behavior<Command> onAcknowledge(Acknowledge a) {
        lookup(a.id(), a.replyTo(), a.by());
        return this;
    }

    private void lookup(long id, ActorRef<Found> replyTo, String ackBy) {
        SafetyEvent known = active.get(id);
        if (known != null) {
            getContext().getSelf().tell(new Loaded(Optional.of(known), replyTo, ackBy));
        } else {
            getContext().pipeToSelf(repository.find(id),
                    (found, err) -> new Loaded(found == null ? Optional.empty() : found, replyTo, ackBy));
        }
    }

    private Behavior<Command> onLoaded(Loaded l) {
        if (l.ackBy() == null || l.event().isEmpty() || l.event().get().acknowledged()) {
            l.replyTo().tell(new Found(l.event()));
            return this;
        }
        long now = clock.getAsLong();
        topic.tell(Topic.publish(new SafetyNotice.Acknowledged(l.event().get().id(), l.ackBy(), now)));
        l.replyTo().tell(new Found(Optional.of(l.event().get().acknowledged(l.ackBy(), now))));
        return this;
    }
}
