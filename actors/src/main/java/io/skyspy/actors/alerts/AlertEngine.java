package io.skyspy.actors.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.alerts.AlertNotice;
import io.skyspy.protocol.alerts.AlertTrigger;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place in the cluster where alert rules live and run (a cluster singleton): it owns the
 * rules (single writer of the rule store), evaluates them against the aircraft topic, keeps the
 * per rule x aircraft cooldowns and the geofence memberships, records fired alerts and publishes
 * them on the alerts topic, from which every node delivers them.
 *
 * <p>Why here and not in each aircraft entity: a rule change then takes effect at one place at
 * once, with no rule replication protocol, and the entity stays thin. Evaluation is cheap and
 * sees the same stream each node's view already handles. A failover loses cooldowns and fence
 * memberships (in-memory); the rules survive as long as the repository does.
 *
 * <p>Rule bodies and rules cross nodes as JSON trees ({@link JsonNode}): untyped maps would come
 * back as Scala collections from the actor system's Jackson.
 */
public final class AlertEngine extends AbstractBehavior<AlertEngine.Command> {
    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    public sealed interface Command extends CborSerializable {}

    /** @param body the rule as the client sent it, a JSON object (see {@link RuleParser}) */
    public record CreateRule(JsonNode body, Principal principal, ActorRef<RuleReply> replyTo) implements Command {}

    /** @param partial true for PATCH semantics (fields not sent keep their value), false for PUT */
    public record UpdateRule(long id, JsonNode body, boolean partial, Principal principal,
            ActorRef<RuleReply> replyTo) implements Command {}

    public record DeleteRule(long id, Principal principal, ActorRef<RuleReply> replyTo) implements Command {}

    public record GetRule(long id, Principal principal, ActorRef<RuleReply> replyTo) implements Command {}

    /** @param ownedOnly only the asker's own rules ({@code my-subscriptions}) */
    public record ListRules(Principal principal, boolean includeDisabled, boolean ownedOnly, ActorRef<RuleList> replyTo)
            implements Command {}

    public record GetAlerts(Principal principal, long sinceMillis, int limit, ActorRef<AlertList> replyTo) implements Command {}

    /** @param id one alert, or null for every unacknowledged alert the principal may see */
    public record AcknowledgeAlerts(Principal principal, Long id, ActorRef<Acked> replyTo) implements Command {}

    public record GetSummary(Principal principal, ActorRef<Summary> replyTo) implements Command {}

    /** How a rule request ended. */
    public enum Outcome { OK, CREATED, DELETED, INVALID, NOT_FOUND, FORBIDDEN, FAILED }

    /**
     * @param rule the rule as the asker may see it (OK, CREATED; {@code {"id"}} for DELETED), else null
     * @param field what was wrong (INVALID), else null
     */
    public record RuleReply(Outcome outcome, JsonNode rule, String field, String message)
            implements CborSerializable {}

    public record RuleList(List<JsonNode> rules) implements CborSerializable {}

    public record AlertList(List<AlertTrigger> alerts) implements CborSerializable {}

    public record Acked(Outcome outcome, List<Long> ids) implements CborSerializable {}

    /** Counts of the rules the asker may see. */
    public record Summary(int rules, int enabledRules, int geofences) implements CborSerializable {}

    private record Aircraft(AircraftEvent event) implements Command {}

    private record Loaded(List<StoredRule> rules, long maxAlertId, Throwable error) implements Command {}

    private record Stored(StoredRule stored, boolean created, ActorRef<RuleReply> replyTo, Principal principal) implements Command {}

    private record Deleted(long id, boolean existed, ActorRef<RuleReply> replyTo) implements Command {}

    private record WriteFailed(Throwable error, ActorRef<RuleReply> replyTo) implements Command {}

    private record AckOne(Optional<AlertTrigger> alert, Principal principal, ActorRef<Acked> replyTo) implements Command {}

    private record AckMany(List<AlertTrigger> alerts, Principal principal, ActorRef<Acked> replyTo) implements Command {}

    private enum Sweep implements Command { INSTANCE }

    private final AlertSettings settings;
    private final RuleParser parser;
    private final RuleBook book = new RuleBook();
    private final AlertEvaluator evaluator = new AlertEvaluator();
    private final AlertRuleRepository rules;
    private final AlertHistoryRepository history;
    private final ActorRef<Topic.Command<AlertNotice>> alertTopic;
    private final WebhookSink webhooks;
    private final LongSupplier clock;
    private long nextAlertId;

    /** Starts (or joins) the cluster's one engine and returns this node's proxy to it. */
    public static ActorRef<Command> initSingleton(ActorSystem<?> system, AlertSettings settings,
            ActorRef<Topic.Command<AircraftEvent>> aircraftTopic, ActorRef<Topic.Command<AlertNotice>> alertTopic,
            AlertRuleRepository rules, AlertHistoryRepository history, WebhookSink webhooks) {
        return ClusterSingleton.get(system).init(SingletonActor.of(
                create(settings, aircraftTopic, alertTopic, rules, history, webhooks, System::currentTimeMillis), "alert-engine"));
    }

    public static Behavior<Command> create(AlertSettings settings, ActorRef<Topic.Command<AircraftEvent>> aircraftTopic,
            ActorRef<Topic.Command<AlertNotice>> alertTopic, AlertRuleRepository rules, AlertHistoryRepository history,
            WebhookSink webhooks, LongSupplier clock) {
        return Behaviors.<Command>supervise(Behaviors.setup(ctx -> Behaviors.withStash(1000, stash -> {
                    ctx.pipeToSelf(rules.all().thenCombine(history.maxId(), (all, max) -> new Loaded(all, max, null)),
                            (loaded, err) -> loaded != null ? loaded : new Loaded(List.of(), 0, err));
                    return loading(ctx, stash, settings, aircraftTopic, alertTopic, rules, history, webhooks, clock);
                })))
                .onFailure(SupervisorStrategy.restart());
    }

    /** Until the rules are loaded: requests wait, aircraft events are skipped (the next delta carries the full state). */
    private static Behavior<Command> loading(ActorContext<Command> ctx, StashBuffer<Command> stash, AlertSettings settings,
            ActorRef<Topic.Command<AircraftEvent>> aircraftTopic, ActorRef<Topic.Command<AlertNotice>> alertTopic,
            AlertRuleRepository rules, AlertHistoryRepository history, WebhookSink webhooks, LongSupplier clock) {
        return Behaviors.receive(Command.class)
                .onMessage(Loaded.class, l -> {
                    if (l.error() != null) {
                        log.error("alert rules could not be loaded; starting with none", l.error());
                    }
                    AlertEngine engine = new AlertEngine(ctx, settings, alertTopic, rules, history, webhooks, clock, l);
                    if (settings.enabled()) {
                        // disabled: rules can still be managed, they just never fire
                        aircraftTopic.tell(Topic.subscribe(ctx.messageAdapter(AircraftEvent.class, Aircraft::new)));
                    }
                    return stash.unstashAll(engine);
                })
                .onMessage(Aircraft.class, a -> Behaviors.same())
                .onAnyMessage(m -> {
                    stash.stash(m);
                    return Behaviors.same();
                })
                .build();
    }

    private AlertEngine(ActorContext<Command> context, AlertSettings settings, ActorRef<Topic.Command<AlertNotice>> alertTopic,
            AlertRuleRepository rules, AlertHistoryRepository history, WebhookSink webhooks, LongSupplier clock, Loaded loaded) {
        super(context);
        this.settings = settings;
        this.parser = new RuleParser(settings);
        this.rules = rules;
        this.history = history;
        this.alertTopic = alertTopic;
        this.webhooks = webhooks;
        this.clock = clock;
        this.nextAlertId = loaded.maxAlertId() + 1;
        for (StoredRule s : loaded.rules()) {
            try {
                book.put(parser.build(s));
            } catch (RuleValidationException e) {
                log.warn("stored alert rule {} is invalid ({}: {}); skipped", s.id(), e.field(), e.getMessage());
            }
        }
        context.scheduleOnce(settings.sweepInterval(), context.getSelf(), Sweep.INSTANCE);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Aircraft.class, this::onAircraft)
                .onMessage(CreateRule.class, this::onCreate)
                .onMessage(UpdateRule.class, this::onUpdate)
                .onMessage(DeleteRule.class, this::onDelete)
                .onMessage(Stored.class, this::onStored)
                .onMessage(Deleted.class, this::onDeleted)
                .onMessage(WriteFailed.class, this::onWriteFailed)
                .onMessage(GetRule.class, this::onGetRule)
                .onMessage(ListRules.class, this::onList)
                .onMessage(GetAlerts.class, this::onGetAlerts)
                .onMessage(AcknowledgeAlerts.class, this::onAcknowledge)
                .onMessage(AckOne.class, this::onAckOne)
                .onMessage(AckMany.class, this::onAckMany)
                .onMessage(GetSummary.class, this::onSummary)
                .onMessageEquals(Sweep.INSTANCE, this::onSweep)
                .build();
    }

    // ---- evaluation ----

    private Behavior<Command> onAircraft(Aircraft a) {
        AircraftEvent e = a.event();
        AircraftState state = e instanceof AircraftEvent.New n ? n.state() : e instanceof AircraftEvent.Delta d ? d.state() : null;
        if (state == null) {
            evaluator.removed(e.hex());
            return this;
        }
        if (book.enabled().isEmpty()) {
            return this;
        }
        long now = clock.getAsLong();
        AlertEvaluator.Outcome outcome = evaluator.observe(state, book.enabled(), now);
        outcome.crossings().forEach(c -> alertTopic.tell(Topic.publish(new AlertNotice.Crossed(c))));
        for (AlertEvaluator.Match m : outcome.matches()) {
            fire(m.rule(), m.state(), now);
        }
        return this;
    }

    private void fire(AlertRule rule, AircraftState s, long now) {
        String flight = s.text(AircraftField.FLIGHT);
        String callsign = flight == null || flight.isBlank() ? null : flight.strip();
        String message = rule.description() != null ? rule.description()
                : "Alert '" + rule.name() + "' triggered for " + (callsign != null ? callsign : s.hex());
        AlertTrigger alert = new AlertTrigger(nextAlertId++, rule.id(), rule.name(), s.hex(), callsign, message,
                rule.priority(), s.wireMap(), now, rule.audience(), false, null, 0);
        save(alert);
        alertTopic.tell(Topic.publish(new AlertNotice.Triggered(alert)));
        if (rule.webhookUrl() != null) {
            webhooks.deliver(alert, rule.webhookUrl());
        }
    }

    private void save(AlertTrigger alert) {
        history.save(alert).whenComplete((d, err) -> {
            if (err != null) {
                log.warn("alert {} not saved: {}", alert.id(), err.toString());
            }
        });
    }

    private Behavior<Command> onSweep() {
        evaluator.sweep(clock.getAsLong(), book::cooldownMillis);
        getContext().scheduleOnce(settings.sweepInterval(), getContext().getSelf(), Sweep.INSTANCE);
        return this;
    }

    // ---- rule management ----

    private Behavior<Command> onCreate(CreateRule c) {
        Principal p = c.principal();
        if (book.size() >= settings.maxRules()) {
            c.replyTo().tell(invalid("body", "the server holds its maximum of " + settings.maxRules() + " rules"));
            return this;
        }
        if (p.authenticated() && book.ownedBy(p.userId()) >= settings.maxRulesPerOwner()) {
            c.replyTo().tell(invalid("body", "you own the maximum of " + settings.maxRulesPerOwner() + " rules"));
            return this;
        }
        long now = clock.getAsLong();
        StoredRule draft;
        try {
            draft = new StoredRule(0, p.authenticated() ? p.userId() : null,
                    parser.normalize(body(c.body()), null, p.authenticated()), now, now);
            parser.build(draft);
        } catch (RuleValidationException e) {
            c.replyTo().tell(invalid(e.field(), e.getMessage()));
            return this;
        }
        getContext().pipeToSelf(rules.insert(draft),
                (stored, err) -> err != null ? new WriteFailed(err, c.replyTo()) : new Stored(stored, true, c.replyTo(), p));
        return this;
    }

    private Behavior<Command> onUpdate(UpdateRule u) {
        AlertRule current = editable(u.id(), u.principal(), u.replyTo());
        if (current == null) {
            return this;
        }
        StoredRule next;
        try {
            Map<String, Object> base = u.partial() ? current.definition()
                    : Map.of("visibility", current.isPrivate() ? "private" : "public");
            Map<String, Object> definition = parser.normalize(body(u.body()), base, current.owner() != null);
            next = new StoredRule(current.id(), current.owner(), definition, current.createdAt(), clock.getAsLong());
            parser.build(next);
        } catch (RuleValidationException e) {
            u.replyTo().tell(invalid(e.field(), e.getMessage()));
            return this;
        }
        getContext().pipeToSelf(rules.update(next),
                (stored, err) -> err != null ? new WriteFailed(err, u.replyTo()) : new Stored(stored, false, u.replyTo(), u.principal()));
        return this;
    }

    private Behavior<Command> onDelete(DeleteRule d) {
        AlertRule current = editable(d.id(), d.principal(), d.replyTo());
        if (current != null) {
            getContext().pipeToSelf(rules.delete(d.id()),
                    (existed, err) -> err != null ? new WriteFailed(err, d.replyTo()) : new Deleted(d.id(), existed, d.replyTo()));
        }
        return this;
    }

    /** The rule if {@code p} may change it; otherwise answers (not found / forbidden) and returns null. */
    private AlertRule editable(long id, Principal p, ActorRef<RuleReply> replyTo) {
        AlertRule r = book.get(id);
        if (r == null || !r.visibleTo(p)) {
            replyTo.tell(new RuleReply(Outcome.NOT_FOUND, null, "id", "Rule not found"));
            return null;
        }
        if (!r.editableBy(p)) {
            replyTo.tell(new RuleReply(Outcome.FORBIDDEN, null, "id", "Only the rule's owner or an admin may change it"));
            return null;
        }
        return r;
    }

    private Behavior<Command> onStored(Stored s) {
        AlertRule rule;
        try {
            rule = parser.build(s.stored());
        } catch (RuleValidationException e) {
            s.replyTo().tell(invalid(e.field(), e.getMessage()));
            return this;
        }
        evaluator.forgetRule(rule.id());
        book.put(rule);
        s.replyTo().tell(new RuleReply(s.created() ? Outcome.CREATED : Outcome.OK, tree(rule.toMap(true)), null, null));
        return this;
    }

    private Behavior<Command> onDeleted(Deleted d) {
        evaluator.forgetRule(d.id());
        book.remove(d.id());
        d.replyTo().tell(d.existed() ? new RuleReply(Outcome.DELETED, tree(Map.of("id", d.id())), null, null)
                : new RuleReply(Outcome.NOT_FOUND, null, "id", "Rule not found"));
        return this;
    }

    private Behavior<Command> onWriteFailed(WriteFailed w) {
        log.warn("alert rule store failed: {}", w.error().toString());
        w.replyTo().tell(new RuleReply(Outcome.FAILED, null, null, "The rule store failed"));
        return this;
    }

    private Behavior<Command> onGetRule(GetRule g) {
        AlertRule r = book.get(g.id());
        g.replyTo().tell(r == null || !r.visibleTo(g.principal())
                ? new RuleReply(Outcome.NOT_FOUND, null, "id", "Rule not found")
                : new RuleReply(Outcome.OK, tree(r.toMap(r.editableBy(g.principal()))), null, null));
        return this;
    }

    private Behavior<Command> onList(ListRules l) {
        l.replyTo().tell(new RuleList(book.visible(l.principal(), l.includeDisabled(), l.ownedOnly()).stream()
                .map(AlertEngine::tree).toList()));
        return this;
    }

    private Behavior<Command> onSummary(GetSummary g) {
        int visible = book.visible(g.principal(), true, false).size();
        int enabled = book.visible(g.principal(), false, false).size();
        g.replyTo().tell(new Summary(visible, enabled, book.activeGeofences(g.principal())));
        return this;
    }

    // ---- history ----

    private Behavior<Command> onGetAlerts(GetAlerts g) {
        Principal p = g.principal();
        // a read: the answer goes straight back from the repository's future, no actor state involved
        history.recent(g.sinceMillis(), g.limit(), p.userId(), p.isAdmin())
                .whenComplete((list, err) -> g.replyTo().tell(new AlertList(list == null ? List.of() : list)));
        return this;
    }

    private Behavior<Command> onAcknowledge(AcknowledgeAlerts a) {
        Principal p = a.principal();
        if (a.id() != null) {
            getContext().pipeToSelf(history.find(a.id()),
                    (found, err) -> new AckOne(found == null ? Optional.empty() : found, p, a.replyTo()));
        } else {
            getContext().pipeToSelf(history.unacknowledged(p.userId(), p.isAdmin(), settings.history().maxAlerts()),
                    (list, err) -> new AckMany(list == null ? List.of() : list, p, a.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onAckOne(AckOne a) {
        Principal p = a.principal();
        Optional<AlertTrigger> alert = a.alert().filter(x -> x.visibleTo(p.userId(), p.isAdmin()));
        if (alert.isEmpty()) {
            a.replyTo().tell(new Acked(Outcome.NOT_FOUND, List.of()));
            return this;
        }
        if (!alert.get().acknowledged()) {
            acknowledge(List.of(alert.get()), p);
        }
        a.replyTo().tell(new Acked(Outcome.OK, List.of(alert.get().id())));
        return this;
    }

    private Behavior<Command> onAckMany(AckMany a) {
        acknowledge(a.alerts(), a.principal());
        a.replyTo().tell(new Acked(Outcome.OK, a.alerts().stream().map(AlertTrigger::id).toList()));
        return this;
    }

    /** Marks them, and tells each audience (public, or one owner) once about its own alerts. */
    private void acknowledge(List<AlertTrigger> alerts, Principal p) {
        long now = clock.getAsLong();
        String by = p.name() == null ? "anonymous" : p.name();
        Map<String, List<Long>> byOwner = new LinkedHashMap<>();
        List<Long> publicIds = new ArrayList<>();
        for (AlertTrigger a : alerts) {
            save(a.acknowledged(by, now));
            if (a.owner() == null) {
                publicIds.add(a.id());
            } else {
                byOwner.computeIfAbsent(a.owner(), o -> new ArrayList<>()).add(a.id());
            }
        }
        if (!publicIds.isEmpty()) {
            alertTopic.tell(Topic.publish(new AlertNotice.Acknowledged(publicIds, null, by, now)));
        }
        byOwner.forEach((owner, ids) -> alertTopic.tell(Topic.publish(new AlertNotice.Acknowledged(ids, owner, by, now))));
    }

    /** A client's JSON object as plain Java values for the parser; anything else is no rule at all. */
    private static Map<String, Object> body(JsonNode body) {
        return body == null || !body.isObject() ? null : Json.MAPPER.convertValue(body, OBJECT);
    }

    private static JsonNode tree(Map<String, Object> value) {
        return Json.MAPPER.valueToTree(value);
    }

    private static RuleReply invalid(String field, String message) {
        return new RuleReply(Outcome.INVALID, null, field, message);
    }
}
