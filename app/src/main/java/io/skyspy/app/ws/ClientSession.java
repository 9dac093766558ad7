package io.skyspy.app.ws;

import io.skyspy.actors.session.SessionEntity;
import io.skyspy.app.auth.AuthMode;
import io.skyspy.app.auth.AuthResult;
import io.skyspy.app.auth.AuthSettings;
import io.skyspy.app.auth.ConnectionLimits;
import io.skyspy.app.auth.TokenBucket;
import io.skyspy.protocol.Channel;
import io.skyspy.protocol.ClientMessage;
import io.skyspy.protocol.ClientMessageDecoder;
import io.skyspy.protocol.CloseCodes;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.Timestamps;
import io.skyspy.streams.fanout.ConnectionOutlet;
import io.skyspy.streams.fanout.Frame;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-side half of one client session, independent of the transport: attaches to the
 * sharded {@link SessionEntity}, turns decoded client messages into its commands and its replies
 * into frames, and keeps this connection's fan-out registrations in line with the session's
 * subscriptions. Messages are handled one at a time, in order, after the attach completed.
 *
 * <p>It also guards the connection: a token bucket on client messages ("Rate limited", then 1008
 * if it goes on), in-band authentication ({@code {"type":"auth","token":...}}, required within a
 * deadline in private mode, accepted at any time to refresh an expiring token), and the
 * connection's slot in the connection limits.
 */
public final class ClientSession {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
    private static final CompletableFuture<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());

    private final Streaming streaming;
    private final Endpoint endpoint;
    private final String sessionId;
    private final boolean resume;
    private final List<String> initialTopics;
    private final boolean withUpdates;
    private final ConnectionOutlet outlet;
    private final EntityRef<SessionEntity.Command> session;
    private final Duration askTimeout;
    /** Where continuations of asks run (never the JDK default: README, "Architecture"). */
    private final Executor dispatcher;
    private final CompletableFuture<Done> attached = new CompletableFuture<>();
    private final TokenBucket bucket;
    private final ConnectionLimits.Lease lease;
    private volatile Principal principal;
    private volatile boolean awaitingAuth;
    private int violations;
    private Set<Channel> channels = EnumSet.noneOf(Channel.class);

    /**
     * @param principal who the handshake says this is, or null when it must authenticate in-band first
     * @param lease the connection's slot in the connection limits, released when it ends
     * @param withUpdates whether following {@code aircraft} includes the periodic full list
     *     ({@code aircraft:update}); delta-only clients turn it off
     */
    public ClientSession(Streaming streaming, Endpoint endpoint, Principal principal, ConnectionLimits.Lease lease,
            String sessionId, boolean resume, List<String> initialTopics, boolean withUpdates) {
        this.streaming = streaming;
        this.endpoint = endpoint;
        this.principal = principal;
        this.awaitingAuth = principal == null;
        this.lease = lease;
        this.sessionId = sessionId;
        this.resume = resume;
        this.initialTopics = initialTopics;
        this.withUpdates = withUpdates;
        this.session = SessionEntity.ref(streaming.system(), sessionId);
        this.askTimeout = SessionEntity.askTimeout(streaming.session());
        this.dispatcher = streaming.system().executionContext();
        AuthSettings.Limits limits = streaming.auth().settings().limits();
        this.bucket = new TokenBucket(limits.messagesPerSecond(), limits.messageBurst(), System.nanoTime());
        this.outlet = new ConnectionOutlet(sessionId, streaming.ws().reliableQueue(), streaming.ws().positionQueue(),
                this::snapshotIfWanted);
        if (principal != null) {
            outlet.expiresAt(principal.expiresAtMillis());
        }
    }

    public ConnectionOutlet outlet() {
        return outlet;
    }

    public String id() {
        return sessionId;
    }

    public Principal principal() {
        return principal;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The connection's streams are ready: join the registry and attach (or wait for in-band auth). */
    public void open() {
        streaming.registry().add(outlet);
        if (awaitingAuth) {
            Duration deadline = streaming.auth().settings().inBandDeadline();
            streaming.system().scheduler().scheduleOnce(deadline, () -> {
                if (awaitingAuth) {
                    outlet.close(CloseCodes.UNAUTHORIZED, "authentication required");
                }
            }, streaming.system().executionContext());
        } else {
            attach();
        }
    }

    private void attach() {
        AskPattern.<SessionEntity.Command, SessionEntity.Attached>ask(session,
                        replyTo -> new SessionEntity.Attach(endpoint.path(), principal, initialTopics, resume, replyTo),
                        askTimeout, streaming.system().scheduler())
                .whenCompleteAsync((a, err) -> {
                    if (err != null) {
                        log.warn("session {} could not attach: {}", sessionId, err.toString());
                        outlet.close(CloseCodes.INTERNAL_ERROR, "session unavailable");
                        attached.completeExceptionally(err);
                        return;
                    }
                    try {
                        applyChannels(a.channels());
                        if (endpoint.sendsAircraftSnapshot()) {
                            outlet.resync();
                        }
                        streaming.listener().attached(this);
                        attached.complete(Done.getInstance());
                    } catch (RuntimeException e) {
                        // never leave the connection waiting on an attach that will not complete
                        log.error("session {} failed after attaching", sessionId, e);
                        outlet.close(CloseCodes.INTERNAL_ERROR, "session unavailable");
                        attached.completeExceptionally(e);
                    }
                }, dispatcher);
    }

    /** The connection is gone, whatever the reason. */
    public void closed() {
        streaming.fanOut().unsubscribeAll(outlet);
        streaming.registry().remove(outlet);
        lease.release();
        session.tell(SessionEntity.Detach.INSTANCE);
    }

    /** One complete text message from the client, in the raw WebSocket protocol. */
    public CompletionStage<Done> onText(String text) {
        return onMessage(ClientMessageDecoder.decode(text));
    }

    /** One decoded client message, whatever the transport; replies go out through the outlet. */
    public CompletionStage<Done> onMessage(ClientMessage m) {
        if (!withinRate()) {
            return DONE;
        }
        if (m instanceof ClientMessage.Auth a) {
            return authenticate(a.token());
        }
        if (awaitingAuth) {
            reply(ServerMessages.error(ErrorMessages.PERMISSION_DENIED, requestId(m), "detail", "authenticate first"));
            return DONE;
        }
        return attached.thenCompose(d -> handle(m)).exceptionally(err -> Done.getInstance());
    }

    /**
     * Takes one message from the client's rate budget; false (with the spec's error, and a 1008 close
     * if it goes on) when it is spent. Public for transports that answer some messages themselves
     * (Socket.IO acknowledgements), so those count too.
     */
    public boolean withinRate() {
        if (bucket.tryTake(System.nanoTime())) {
            return true;
        }
        violations++;
        AuthSettings.Limits limits = streaming.auth().settings().limits();
        if (violations > limits.closeAfterViolations()) {
            outlet.close(CloseCodes.POLICY_VIOLATION, ErrorMessages.RATE_LIMITED);
        } else if (violations <= limits.messageBurst()) {
            // answering every dropped message would let a flood amplify itself
            reply(ServerMessages.error(ErrorMessages.RATE_LIMITED, null));
        }
        return false;
    }

    private CompletionStage<Done> authenticate(String token) {
        AuthResult r = streaming.auth().verify(token);
        if (r instanceof AuthResult.Valid v) {
            Principal p = v.principal();
            if (endpoint.adminOnly() && !p.isAdmin()) {
                outlet.close(CloseCodes.FORBIDDEN, "admin only");
                return DONE;
            }
            boolean first = awaitingAuth;
            principal = p;
            outlet.expiresAt(p.expiresAtMillis());
            reply(ServerMessages.event("auth", authenticated(p)));
            if (first) {
                awaitingAuth = false;
                attach();
                return DONE;
            }
            return attached.thenCompose(d -> AskPattern.<SessionEntity.Command, SessionEntity.SubscriptionChanged>ask(session,
                            replyTo -> new SessionEntity.Reauthenticate(p, replyTo), askTimeout, streaming.system().scheduler()))
                    .thenApply(c -> {
                        applyChannels(c.channels());
                        streaming.listener().reauthenticated(this);
                        return Done.getInstance();
                    })
                    .exceptionally(err -> Done.getInstance());
        }
        log.info("session {}: invalid token ({})", sessionId, ((AuthResult.Invalid) r).reason());
        reply(ServerMessages.error(ErrorMessages.INVALID_TOKEN, null));
        AuthSettings s = streaming.auth().settings();
        if (awaitingAuth || s.mode() == AuthMode.PRIVATE || s.rejectInvalidTokens()) {
            outlet.close(CloseCodes.UNAUTHORIZED, ErrorMessages.INVALID_TOKEN);
        }
        return DONE;
    }

    private static Map<String, Object> authenticated(Principal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("authenticated", true);
        m.put("user", p.name());
        m.put("roles", p.roles().stream().sorted().toList());
        m.put("permissions", p.permissions().stream().sorted().toList());
        m.put("expires_at", p.expiresAtMillis() > 0 ? Timestamps.iso(p.expiresAtMillis()) : null);
        return m;
    }

    private static String requestId(ClientMessage m) {
        if (m instanceof ClientMessage.Request r) {
            return r.requestId();
        }
        return m instanceof ClientMessage.Invalid i ? i.requestId() : null;
    }

    /**
     * Answers a request without sending the answer: for transports that deliver it their own way
     * (a Socket.IO acknowledgement). The JSON is a complete {@code response} or {@code error}.
     */
    public CompletionStage<byte[]> request(ClientMessage.Request r) {
        return askSession(replyTo -> new SessionEntity.Request(r.type(), r.requestId(), r.params(), replyTo), r.requestId());
    }

    /** The session's {@link SessionEntity.Reply} to {@code command}, or the spec's error if it does not come. */
    private CompletionStage<byte[]> askSession(
            org.apache.pekko.japi.function.Function<org.apache.pekko.actor.typed.ActorRef<SessionEntity.Reply>,
                    SessionEntity.Command> command, String requestId) {
        return attached.thenCompose(d -> AskPattern.ask(session, command, askTimeout, streaming.system().scheduler()))
                .thenApply(SessionEntity.Reply::json)
                .exceptionally(err -> ServerMessages.error(ErrorMessages.REQUEST_FAILED, requestId));
    }

    /** Cannonball's messages, on the endpoints that serve its threats; elsewhere they are unknown actions. */
    private CompletionStage<Done> cannonball(ClientMessage.Cannonball m) {
        if (endpoint != Endpoint.CANNONBALL && endpoint != Endpoint.ALL) {
            reply(ServerMessages.error(new ClientMessage.Invalid(ErrorMessages.UNKNOWN_ACTION, null, m.name())));
            return DONE;
        }
        CompletionStage<byte[]> answer;
        if (m instanceof ClientMessage.PositionUpdate p) {
            answer = askSession(r -> new SessionEntity.UpdatePosition(p.lat(), p.lon(), p.heading(), r), null);
        } else if (m instanceof ClientMessage.SetRadius s) {
            answer = askSession(r -> new SessionEntity.SetRadius(s.radiusNm(), r), null);
        } else {
            answer = askSession(SessionEntity.GetThreats::new, null);
        }
        return answer.thenApply(json -> {
            reply(json);
            return Done.getInstance();
        });
    }

    private CompletionStage<Done> handle(ClientMessage m) {
        if (m instanceof ClientMessage.Ping) {
            reply(ServerMessages.pong());
        } else if (m instanceof ClientMessage.Subscribe s) {
            return changeSubscription(r -> new SessionEntity.Subscribe(s.topics(), r), true);
        } else if (m instanceof ClientMessage.Unsubscribe u) {
            return changeSubscription(r -> new SessionEntity.Unsubscribe(u.topics(), r), false);
        } else if (m instanceof ClientMessage.Request r) {
            return request(r).thenApply(json -> {
                reply(json);
                return Done.getInstance();
            });
        } else if (m instanceof ClientMessage.Cannonball c) {
            return cannonball(c);
        } else if (m instanceof ClientMessage.Invalid i) {
            reply(ServerMessages.error(i));
        }
        return DONE;
    }

    private CompletionStage<Done> changeSubscription(
            org.apache.pekko.japi.function.Function<org.apache.pekko.actor.typed.ActorRef<SessionEntity.SubscriptionChanged>,
                    SessionEntity.Command> command, boolean subscribe) {
        return AskPattern.ask(session, command, askTimeout, streaming.system().scheduler())
                .thenApplyAsync(c -> {
                    applyChannels(c.channels());
                    reply(subscribe ? ServerMessages.subscribed(c.applied(), c.invalid())
                            : ServerMessages.unsubscribed(c.applied(), c.invalid()));
                    if (!c.denied().isEmpty()) {
                        reply(ServerMessages.error(ErrorMessages.PERMISSION_DENIED, null, "topics", String.join(",", c.denied())));
                    }
                    return Done.getInstance();
                }, dispatcher)
                .exceptionally(err -> {
                    reply(ServerMessages.error(ErrorMessages.REQUEST_FAILED, null));
                    return Done.getInstance();
                });
    }

    public void reply(byte[] json) {
        outlet.send(Frame.reply(json));
    }

    private synchronized void applyChannels(Set<Channel> next) {
        Set<Channel> wanted = EnumSet.noneOf(Channel.class);
        wanted.addAll(next);
        if (withUpdates && wanted.contains(Channel.AIRCRAFT)) {
            wanted.add(Channel.AIRCRAFT_UPDATES);
        }
        for (Channel c : wanted) {
            if (!channels.contains(c)) {
                streaming.fanOut().subscribe(c, outlet);
            }
        }
        for (Channel c : channels) {
            if (!wanted.contains(c)) {
                streaming.fanOut().unsubscribe(c, outlet);
            }
        }
        channels = wanted;
    }

    private Frame snapshotIfWanted() {
        boolean wants;
        synchronized (this) {
            wants = channels.contains(Channel.AIRCRAFT);
        }
        return wants || endpoint.sendsAircraftSnapshot() ? streaming.aircraftHub().picture().snapshotFrame() : null;
    }
}
