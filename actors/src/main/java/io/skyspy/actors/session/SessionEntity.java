package io.skyspy.actors.session;

import io.skyspy.actors.aircraft.AircraftEntity;
import io.skyspy.actors.aircraft.AircraftFilter;
import io.skyspy.actors.aircraft.AircraftView;
import io.skyspy.actors.cannonball.CannonballWatch;
import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.ServerMessages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One client session (sharded by a session id the server issues): the endpoint, the topics it
 * follows and the answers to its requests. The socket's stream talks to it by message; the data
 * itself never passes through here but flows from the node's hubs. It outlives a dropped socket
 * for the resume window so that a client reconnecting to any node gets its subscriptions back.
 */
public final class SessionEntity extends AbstractBehavior<SessionEntity.Command> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Session");

    public sealed interface Command extends CborSerializable {}

    /**
     * A socket takes this session over.
     *
     * @param initialTopics topics for a new session (ignored when resuming one)
     */
    public record Attach(String endpoint, Principal principal, List<String> initialTopics, boolean resume,
            ActorRef<Attached> replyTo) implements Command {}

    /** @param resumed true when the session existed and kept its topics */
    public record Attached(String sessionId, List<String> topics, Set<Channel> channels, boolean resumed)
            implements CborSerializable {}

    public record Subscribe(List<String> topics, ActorRef<SubscriptionChanged> replyTo) implements Command {}

    public record Unsubscribe(List<String> topics, ActorRef<SubscriptionChanged> replyTo) implements Command {}

    /**
     * @param invalid topics the endpoint does not know
     * @param denied topics the session's principal may not follow
     * @param channels every channel the session follows now
     */
    public record SubscriptionChanged(List<String> applied, List<String> invalid, List<String> denied,
            Set<Channel> channels) implements CborSerializable {}

    /** The socket authenticated again (a refreshed token): requests and subscriptions use the new identity. */
    public record Reauthenticate(Principal principal, ActorRef<SubscriptionChanged> replyTo) implements Command {}

    public record Request(String type, String requestId, Map<String, Object> params, ActorRef<Reply> replyTo)
            implements Command {}

    /** A complete JSON frame to send back ({@code response} or {@code error}). */
    public record Reply(byte[] json) implements CborSerializable {}

    /** Cannonball: the phone's position; answered with {@code threats} around it. */
    public record UpdatePosition(double lat, double lon, Double heading, ActorRef<Reply> replyTo) implements Command {}

    /** Cannonball: how far out to look; answered with {@code radius_updated}. */
    public record SetRadius(double radiusNm, ActorRef<Reply> replyTo) implements Command {}

    /** Cannonball: the threats around the last position, as a {@code threats} message. */
    public record GetThreats(ActorRef<Reply> replyTo) implements Command {}

    /** The socket is gone; keep the session for the resume window. */
    public enum Detach implements Command { INSTANCE }

    public enum Stop implements Command { INSTANCE }

    /** Answers and stops: it only makes sharding allocate this entity's shard ({@link ShardWarmup}). */
    public record Warm(ActorRef<Done> replyTo) implements Command {}

    private enum Expire implements Command { INSTANCE }

    /** A request's answer arrived from another actor. */
    private record Answered(ActorRef<Reply> replyTo, byte[] json) implements Command {}

    /** The node's aircraft, for a cannonball look: answered as {@code threats}, or as the {@code response} to a request. */
    private record ThreatsListed(AircraftView.Listed listed, boolean asResponse, String requestId, ActorRef<Reply> replyTo)
            implements Command {}

    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final String sessionId;
    private final SessionSettings settings;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    private final RequestHandler requests;
    private final ActorRef<AircraftView.Command> view;
    /** Only cannonball sessions make one: thousands of idle dashboard sessions should not carry it. */
    private CannonballWatch cannonball;
    private Subscriptions subscriptions;
    private Principal principal = Principal.anonymous();

    public static void init(ActorSystem<?> system, SessionSettings settings, ActorRef<AircraftView.Command> view,
            AircraftInfoLookup info) {
        init(system, settings, view, info, List.of());
    }

    /** @param extensions request types features add (safety, alerts); see {@link RequestExtension} */
    public static void init(ActorSystem<?> system, SessionSettings settings, ActorRef<AircraftView.Command> view,
            AircraftInfoLookup info, List<RequestExtension> extensions) {
        ClusterSharding.get(system).init(Entity.of(TYPE_KEY,
                        ctx -> create(ctx.getEntityId(), settings, ctx.getShard(), view, info, extensions))
                .withStopMessage(Stop.INSTANCE));
    }

    public static EntityRef<Command> ref(ActorSystem<?> system, String sessionId) {
        return ClusterSharding.get(system).entityRefFor(TYPE_KEY, sessionId);
    }

    static Behavior<Command> create(String sessionId, SessionSettings settings, ActorRef<ClusterSharding.ShardCommand> shard,
            ActorRef<AircraftView.Command> view, AircraftInfoLookup info) {
        return create(sessionId, settings, shard, view, info, List.of());
    }

    static Behavior<Command> create(String sessionId, SessionSettings settings, ActorRef<ClusterSharding.ShardCommand> shard,
            ActorRef<AircraftView.Command> view, AircraftInfoLookup info, List<RequestExtension> extensions) {
        return Behaviors.<Command>supervise(Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                        new SessionEntity(ctx, timers, sessionId, settings, shard, view, info, extensions))))
                .onFailure(SupervisorStrategy.restart());
    }

    private SessionEntity(ActorContext<Command> context, TimerScheduler<Command> timers, String sessionId,
            SessionSettings settings, ActorRef<ClusterSharding.ShardCommand> shard, ActorRef<AircraftView.Command> view,
            AircraftInfoLookup info, List<RequestExtension> extensions) {
        super(context);
        this.context = context;
        this.timers = timers;
        this.sessionId = sessionId;
        this.settings = settings;
        this.shard = shard;
        this.requests = new RequestHandler(context.getSystem(), view, info, settings, extensions);
        this.view = view;
        // a session nobody attaches to must not live forever
        timers.startSingleTimer(Expire.INSTANCE, settings.resumeWindow());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Attach.class, this::onAttach)
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(Reauthenticate.class, this::onReauthenticate)
                .onMessage(Unsubscribe.class, this::onUnsubscribe)
                .onMessage(Request.class, this::onRequest)
                .onMessage(Answered.class, this::onAnswered)
                .onMessage(UpdatePosition.class, this::onUpdatePosition)
                .onMessage(SetRadius.class, this::onSetRadius)
                .onMessage(GetThreats.class, g -> lookForThreats(false, null, g.replyTo()))
                .onMessage(ThreatsListed.class, this::onThreatsListed)
                .onMessageEquals(Detach.INSTANCE, this::onDetach)
                .onMessageEquals(Expire.INSTANCE, this::onExpire)
                .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
                .onMessage(Warm.class, w -> {
                    w.replyTo().tell(Done.getInstance());
                    return Behaviors.stopped();
                })
                .build();
    }

    private Behavior<Command> onAttach(Attach a) {
        timers.cancel(Expire.INSTANCE);
        Endpoint endpoint = Endpoint.byPath(a.endpoint()).orElse(Endpoint.ALL);
        // a session is resumed only by the identity that owned it
        boolean resumed = a.resume() && subscriptions != null && subscriptions.endpoint() == endpoint
                && java.util.Objects.equals(principal.userId(), a.principal().userId());
        principal = a.principal();
        if (!resumed) {
            subscriptions = new Subscriptions(endpoint, settings.maxTopics());
            subscriptions.subscribe(a.initialTopics(), principal);
        }
        a.replyTo().tell(new Attached(sessionId, subscriptions.topics(), subscriptions.channels(principal), resumed));
        return this;
    }

    private Behavior<Command> onSubscribe(Subscribe s) {
        Subscriptions.Change change = subscriptions().subscribe(s.topics(), principal);
        s.replyTo().tell(new SubscriptionChanged(change.applied(), change.invalid(), change.denied(), subscriptions.channels(principal)));
        return this;
    }

    private Behavior<Command> onUnsubscribe(Unsubscribe u) {
        Subscriptions.Change change = subscriptions().unsubscribe(u.topics());
        u.replyTo().tell(new SubscriptionChanged(change.applied(), change.invalid(), change.denied(), subscriptions.channels(principal)));
        return this;
    }

    private Behavior<Command> onReauthenticate(Reauthenticate r) {
        principal = r.principal();
        // topics the new identity may no longer follow are dropped
        subscriptions().retainAllowed(principal);
        r.replyTo().tell(new SubscriptionChanged(List.of(), List.of(), List.of(), subscriptions.channels(principal)));
        return this;
    }

    private Behavior<Command> onUpdatePosition(UpdatePosition u) {
        cannonball().moveTo(u.lat(), u.lon(), u.heading());
        return lookForThreats(false, null, u.replyTo());
    }

    private Behavior<Command> onSetRadius(SetRadius s) {
        cannonball().radiusNm(s.radiusNm());
        s.replyTo().tell(new Reply(ServerMessages.radiusUpdated(s.radiusNm())));
        return this;
    }

    private Behavior<Command> lookForThreats(boolean asResponse, String requestId, ActorRef<Reply> replyTo) {
        if (!cannonball().hasPosition()) {
            AircraftView.Listed nothing = new AircraftView.Listed(List.of(), System.currentTimeMillis());
            return onThreatsListed(new ThreatsListed(nothing, asResponse, requestId, replyTo));
        }
        context.ask(AircraftView.Listed.class, view, settings.requestTimeout(),
                r -> new AircraftView.ListAircraft(AircraftFilter.ALL, r),
                (listed, failure) -> listed != null ? new ThreatsListed(listed, asResponse, requestId, replyTo)
                        : new Answered(replyTo, ServerMessages.error(ErrorMessages.REQUEST_FAILED, requestId)));
        return this;
    }

    private Behavior<Command> onThreatsListed(ThreatsListed t) {
        List<Map<String, Object>> threats = cannonball().assess(t.listed().aircraft());
        t.replyTo().tell(new Reply(!t.asResponse()
                ? ServerMessages.threats(threats, cannonball().position(), t.listed().timestamp())
                : ServerMessages.response(t.requestId(), "threats",
                        ServerMessages.threatsData(threats, cannonball().position(), t.listed().timestamp()))));
        return this;
    }

    private Behavior<Command> onRequest(Request r) {
        if (r.type().equals("threats")) {
            return lookForThreats(true, r.requestId(), r.replyTo());
        }
        // params that crossed nodes arrive from Pekko's Jackson (with its Scala module) as Scala
        // collections: make them Java once, here, for every handler
        Request java = new Request(r.type(), r.requestId(), new RequestParams(r.params()).raw(), r.replyTo());
        requests.handle(java, sessionId, principal, subscriptions().topics(), context, (replyTo, json) -> new Answered(replyTo, json));
        return this;
    }

    private Behavior<Command> onAnswered(Answered a) {
        a.replyTo().tell(new Reply(a.json()));
        return this;
    }

    private Behavior<Command> onDetach() {
        timers.startSingleTimer(Expire.INSTANCE, settings.resumeWindow());
        return this;
    }

    private Behavior<Command> onExpire() {
        if (shard != null) {
            shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
            return this;
        }
        return Behaviors.stopped();
    }

    private CannonballWatch cannonball() {
        if (cannonball == null) {
            cannonball = new CannonballWatch(settings.cannonballRadiusNm());
        }
        return cannonball;
    }

    private Subscriptions subscriptions() {
        if (subscriptions == null) {
            // a message before Attach (the session was restarted): behave as a fresh combined-feed session
            subscriptions = new Subscriptions(Endpoint.ALL, settings.maxTopics());
        }
        return subscriptions;
    }

    /** How long a request may take, for the socket's own ask. */
    public static Duration askTimeout(SessionSettings settings) {
        return settings.requestTimeout().plusSeconds(1);
    }
}
