package io.skyspy.app.ws;

import io.skyspy.actors.session.SessionEntity;
import io.skyspy.protocol.Channel;
import io.skyspy.protocol.ClientMessage;
import io.skyspy.protocol.ClientMessageDecoder;
import io.skyspy.protocol.CloseCodes;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.streams.fanout.ConnectionOutlet;
import io.skyspy.streams.fanout.Frame;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 */
public final class ClientSession {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    private final Streaming streaming;
    private final Endpoint endpoint;
    private final String sessionId;
    private final boolean resume;
    private final List<String> initialTopics;
    private final boolean withUpdates;
    private final ConnectionOutlet outlet;
    private final EntityRef<SessionEntity.Command> session;
    private final Duration askTimeout;
    private final CompletableFuture<Done> attached = new CompletableFuture<>();
    private Set<Channel> channels = EnumSet.noneOf(Channel.class);

    /**
     * @param withUpdates whether following {@code aircraft} includes the periodic full list
     *     ({@code aircraft:update}); delta-only clients turn it off
     */
    public ClientSession(Streaming streaming, Endpoint endpoint, String sessionId, boolean resume,
            List<String> initialTopics, boolean withUpdates) {
        this.streaming = streaming;
        this.endpoint = endpoint;
        this.sessionId = sessionId;
        this.resume = resume;
        this.initialTopics = initialTopics;
        this.withUpdates = withUpdates;
        this.session = SessionEntity.ref(streaming.system(), sessionId);
        this.askTimeout = SessionEntity.askTimeout(streaming.session());
        this.outlet = new ConnectionOutlet(sessionId, streaming.ws().reliableQueue(), streaming.ws().positionQueue(),
                this::snapshotIfWanted);
    }

    public ConnectionOutlet outlet() {
        return outlet;
    }

    public String id() {
        return sessionId;
    }

    /** The connection's streams are ready: join the fan-out and attach to the session. */
    public void open() {
        streaming.registry().add(outlet);
        AskPattern.<SessionEntity.Command, SessionEntity.Attached>ask(session,
                        replyTo -> new SessionEntity.Attach(endpoint.path(), initialTopics, resume, replyTo),
                        askTimeout, streaming.system().scheduler())
                .whenComplete((a, err) -> {
                    if (err != null) {
                        log.warn("session {} could not attach: {}", sessionId, err.toString());
                        outlet.close(CloseCodes.INTERNAL_ERROR, "session unavailable");
                        attached.completeExceptionally(err);
                        return;
                    }
                    applyChannels(a.channels());
                    if (endpoint.sendsAircraftSnapshot()) {
                        outlet.resync();
                    }
                    attached.complete(Done.getInstance());
                });
    }

    /** The connection is gone, whatever the reason. */
    public void closed() {
        streaming.fanOut().unsubscribeAll(outlet);
        streaming.registry().remove(outlet);
        session.tell(SessionEntity.Detach.INSTANCE);
    }

    /** One complete text message from the client, in the raw WebSocket protocol. */
    public CompletionStage<Done> onText(String text) {
        return onMessage(ClientMessageDecoder.decode(text));
    }

    /** One decoded client message, whatever the transport; replies go out through the outlet. */
    public CompletionStage<Done> onMessage(ClientMessage m) {
        return attached.thenCompose(d -> handle(m)).exceptionally(err -> Done.getInstance());
    }

    /**
     * Answers a request without sending the answer: for transports that deliver it their own way
     * (a Socket.IO acknowledgement). The JSON is a complete {@code response} or {@code error}.
     */
    public CompletionStage<byte[]> request(ClientMessage.Request r) {
        return attached.thenCompose(d -> AskPattern.<SessionEntity.Command, SessionEntity.Reply>ask(session,
                        replyTo -> new SessionEntity.Request(r.type(), r.requestId(), r.params(), replyTo),
                        askTimeout, streaming.system().scheduler()))
                .thenApply(SessionEntity.Reply::json)
                .exceptionally(err -> ServerMessages.error(ErrorMessages.REQUEST_FAILED, r.requestId()));
    }

    private CompletionStage<Done> handle(ClientMessage m) {
        if (m instanceof ClientMessage.Ping) {
            reply(ServerMessages.pong());
        } else if (m instanceof ClientMessage.Subscribe s) {
            return AskPattern.<SessionEntity.Command, SessionEntity.SubscriptionChanged>ask(session,
                            r -> new SessionEntity.Subscribe(s.topics(), r), askTimeout, streaming.system().scheduler())
                    .thenApply(c -> {
                        applyChannels(c.channels());
                        reply(ServerMessages.subscribed(c.applied(), c.invalid()));
                        return Done.getInstance();
                    })
                    .exceptionally(this::requestFailed);
        } else if (m instanceof ClientMessage.Unsubscribe u) {
            return AskPattern.<SessionEntity.Command, SessionEntity.SubscriptionChanged>ask(session,
                            r -> new SessionEntity.Unsubscribe(u.topics(), r), askTimeout, streaming.system().scheduler())
                    .thenApply(c -> {
                        applyChannels(c.channels());
                        reply(ServerMessages.unsubscribed(c.applied(), c.invalid()));
                        return Done.getInstance();
                    })
                    .exceptionally(this::requestFailed);
        } else if (m instanceof ClientMessage.Request r) {
            return request(r).thenApply(json -> {
                reply(json);
                return Done.getInstance();
            });
        } else if (m instanceof ClientMessage.Auth) {
            // public mode: everyone is already welcome; identities arrive with the auth module
            reply(ServerMessages.event("auth", java.util.Map.of("authenticated", false, "mode", "public")));
        } else if (m instanceof ClientMessage.Invalid i) {
            reply(ServerMessages.error(i));
        }
        return CompletableFuture.completedFuture(Done.getInstance());
    }

    private Done requestFailed(Throwable err) {
        reply(ServerMessages.error(ErrorMessages.REQUEST_FAILED, null));
        return Done.getInstance();
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
