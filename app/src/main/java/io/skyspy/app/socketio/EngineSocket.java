package io.skyspy.app.socketio;

import io.skyspy.protocol.socketio.DisconnectReason;
import io.skyspy.protocol.socketio.EngineCodec;
import io.skyspy.protocol.socketio.EngineError;
import io.skyspy.protocol.socketio.EnginePacket;
import io.skyspy.protocol.socketio.EnginePacketType;
import io.skyspy.protocol.socketio.Handshake;
import io.skyspy.protocol.socketio.SocketPacket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO connection ({@code sid}) on this node, whatever carries it: polling requests,
 * a WebSocket, or polling first and then a WebSocket after an upgrade.
 *
 * <p>Output: one stream per connection, its control packets (handshake, pings, acks, per-client
 * packets) in a bounded queue, preferred over the namespace streams merged into it (each
 * namespace's frames come from its own {@code ConnectionOutlet}, so topics, rate limits, batching
 * and slow-client conflation are the raw API's). The stream runs into the WebSocket, or into a
 * {@link PollBuffer} that GET requests drain, and which an upgraded WebSocket then drains.
 *
 * <p>Contracts: at most one GET and one POST at a time (a second one ends the connection, as the
 * protocol says); a POST is answered once its packets were handled, so a client cannot outrun the
 * server; after an upgrade the polling transport answers 400. State changes happen under this
 * object's lock, and futures are completed outside it.
 */
final class EngineSocket {
    private static final Logger log = LoggerFactory.getLogger(EngineSocket.class);
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());

    enum Transport { POLLING, WEBSOCKET }

    private final String sid;
    private final String address;
    private final EngineContext context;
    private final EngineApp app;
    private final Consumer<EngineSocket> onClosed;
    private final Heartbeat heartbeat;
    private final HeldPolls heldPolls;

    private volatile BoundedSourceQueue<OutPacket> control;
    private volatile Sink<OutPacket, NotUsed> namespaces;

    // guarded by this
    private Transport transport;
    private PollBuffer poll;
    private WsLink ws;
    private WsLink probe;
    private Cancellable probeTimer;
    private boolean pollInFlight;
    private boolean postInFlight;
    private boolean closed;

    /** @param address the client's address (from its handshake request) */
    EngineSocket(String sid, String address, EngineContext context, EngineApp app, Transport transport,
            Consumer<EngineSocket> onClosed) {
        this.sid = sid;
        this.address = address;
        this.context = context;
        this.app = app;
        this.transport = transport;
        this.onClosed = onClosed;
        this.heldPolls = new HeldPolls(context);
        this.heartbeat = new Heartbeat(context, () -> send(OutPacket.of(EnginePacket.PING)),
                () -> close(DisconnectReason.PING_TIMEOUT));
    }

    String sid() {
        return sid;
    }

    String address() {
        return address;
    }

    EngineContext context() {
        return context;
    }

    Handshake handshake(List<String> upgrades) {
        SocketIoSettings s = context.settings();
        return new Handshake(sid, upgrades, s.pingInterval().toMillis(), s.pingTimeout().toMillis(), s.maxPayload());
    }

    /** Polling transport: the output runs into a poll buffer from now on. */
    void startPolling() {
        PollBuffer buffer = new PollBuffer(context.settings().maxPayload());
        synchronized (this) {
            poll = buffer;
        }
        // started before the output, so a connection whose output never runs still times out
        heartbeat.start();
        output().to(new PollingSink(buffer)).named("sio-polling").run(context.materializer());
    }

    /** WebSocket transport: {@code link} runs the output; the handshake is its first frame. */
    void startWebSocket(WsLink link) {
        synchronized (this) {
            ws = link;
        }
        heartbeat.start();
    }

    /** Everything this connection sends, as one stream; materialized exactly once, by its transport. */
    Source<OutPacket, NotUsed> output() {
        return Source.<OutPacket>queue(context.settings().controlQueue())
                .mergePreferredMat(MergeHub.of(OutPacket.class, context.settings().namespaceBuffer()), true, true, Keep.both())
                .mapMaterializedValue(p -> {
                    outputReady(p.first(), p.second());
                    return NotUsed.getInstance();
                })
                .watchTermination((nu, done) -> {
                    done.whenCompleteAsync((d, e) -> close(DisconnectReason.TRANSPORT_CLOSE), context.dispatcher());
                    return nu;
                })
                .named("sio-out");
    }

    private void outputReady(BoundedSourceQueue<OutPacket> queue, Sink<OutPacket, NotUsed> hub) {
        boolean isClosed;
        boolean webSocket;
        synchronized (this) {
            isClosed = closed;
            webSocket = transport == Transport.WEBSOCKET;
        }
        if (isClosed) {
            queue.complete();
            return;
        }
        namespaces = hub;
        control = queue;
        if (webSocket) {
            queue.offer(OutPacket.of(handshake(List.of()).packet()));
        }
        app.opened(this);
    }

    /** Queues a packet for this client only. A client that lets these pile up past the control queue is closed. */
    void send(OutPacket p) {
        BoundedSourceQueue<OutPacket> q = control;
        if (q != null && q.offer(p) == QueueOfferResult.dropped()) {
            log.info("engine.io {}: control queue full, closing", sid);
            close(DisconnectReason.FORCED_SERVER_CLOSE);
        }
    }

    void send(SocketPacket p) {
        send(OutPacket.of(p));
    }

    /** Merges a namespace's stream into the output until the returned switch is shut down or the connection ends. */
    UniqueKillSwitch attach(Source<OutPacket, NotUsed> stream) {
        Sink<OutPacket, NotUsed> hub = namespaces;
        Sink<OutPacket, ?> target = hub == null ? Sink.cancelled() : hub;
        return stream.viaMat(KillSwitches.single(), Keep.right()).to(target).run(context.materializer());
    }

    /** One packet from the client, on whichever transport carries the connection. */
    CompletionStage<Done> receive(EnginePacket p) {
        app.heard();
        switch (p.type()) {
            case PONG -> heartbeat.pong();
            case PING -> send(OutPacket.of(EnginePacket.text(EnginePacketType.PONG, p.data())));
            case MESSAGE -> {
                return app.message(p).exceptionally(err -> {
                    log.warn("engine.io {}: message handler failed: {}", sid, err.toString());
                    return Done.getInstance();
                });
            }
            case CLOSE -> close(DisconnectReason.TRANSPORT_CLOSE);
            case OPEN -> close(DisconnectReason.PARSE_ERROR);
            case UPGRADE, NOOP -> {
                // nothing to do on an established transport
            }
        }
        return DONE;
    }

    /** A polling GET: answered with the waiting packets, or when some arrive, or released. */
    CompletionStage<HttpResponse> poll() {
        if (heartbeat.overdue()) {
            // the timer may not have fired yet, but by the schedule this session is over
            close(DisconnectReason.PING_TIMEOUT);
        }
        CompletionStage<List<OutPacket>> batch;
        synchronized (this) {
            if (closed) {
                return done(EngineResponses.error(EngineError.UNKNOWN_SID));
            }
            if (transport != Transport.POLLING) {
                return done(EngineResponses.error(EngineError.BAD_REQUEST));
            }
            if (pollInFlight) {
                batch = null;
            } else if (probe != null) {
                return heldPolls.hold();
            } else {
                pollInFlight = true;
                batch = poll.take();
            }
        }
        if (batch == null) {
            close(DisconnectReason.TRANSPORT_ERROR);
            return done(EngineResponses.error(EngineError.BAD_REQUEST));
        }
        return batch.thenApply(b -> {
            synchronized (this) {
                pollInFlight = false;
            }
            return EngineResponses.payload(b);
        });
    }

    /** A polling POST body; answered {@code ok} once every packet in it was handled. */
    CompletionStage<HttpResponse> post(String body) {
        boolean overlap;
        synchronized (this) {
            if (closed) {
                return done(EngineResponses.error(EngineError.UNKNOWN_SID));
            }
            if (transport != Transport.POLLING) {
                return done(EngineResponses.error(EngineError.BAD_REQUEST));
            }
            overlap = postInFlight;
            postInFlight = true;
        }
        if (overlap) {
            close(DisconnectReason.TRANSPORT_ERROR);
            return done(EngineResponses.error(EngineError.BAD_REQUEST));
        }
        var packets = EngineCodec.decodePayload(body);
        if (!packets.isOk()) {
            log.debug("engine.io {}: bad payload: {}", sid, packets.reason());
            close(DisconnectReason.PARSE_ERROR);
            return done(EngineResponses.error(EngineError.BAD_REQUEST));
        }
        CompletionStage<Done> chain = DONE;
        for (EnginePacket p : packets.value()) {
            chain = chain.thenCompose(d -> isClosed() ? DONE : receive(p));
        }
        return chain.handle((d, err) -> {
            synchronized (this) {
                postInFlight = false;
            }
            return EngineResponses.ok();
        });
    }

    /** A POST body above the max payload. */
    void tooLarge() {
        close(DisconnectReason.TRANSPORT_ERROR);
    }

    /** A WebSocket with this sid wants to take the connection over. */
    boolean offerProbe(WsLink link) {
        synchronized (this) {
            if (closed || transport != Transport.POLLING || probe != null) {
                return false;
            }
            probe = link;
            probeTimer = context.schedule(context.settings().upgradeTimeout(), () -> abortProbe(link));
            return true;
        }
    }

    /** A packet on the WebSocket being upgraded to: the probe, the upgrade, or anything else (which aborts it). */
    CompletionStage<Done> onProbePacket(WsLink link, EnginePacket p) {
        app.heard();
        if (p.type() == EnginePacketType.PING && EnginePacket.PROBE.data().equals(p.data())) {
            PollBuffer buffer;
            synchronized (this) {
                if (probe != link) {
                    return DONE;
                }
                buffer = poll;
            }
            link.send(OutPacket.of(EnginePacket.PROBE_ANSWER));
            // a waiting poll would hold the client's polling transport open: release it
            buffer.release(PollBuffer.NOOP);
        } else if (p.type() == EnginePacketType.UPGRADE) {
            upgrade(link);
        } else {
            abortProbe(link);
        }
        return DONE;
    }

    private void upgrade(WsLink link) {
        PollBuffer buffer;
        synchronized (this) {
            if (closed || probe != link) {
                buffer = null;
            } else {
                probe = null;
                cancelProbeTimer();
                transport = Transport.WEBSOCKET;
                ws = link;
                buffer = poll;
            }
        }
        if (buffer == null) {
            link.close();
            return;
        }
        buffer.release(PollBuffer.NOOP);
        heldPolls.releaseAll(EngineResponses.error(EngineError.BAD_REQUEST));
        link.carry(buffer.asSource());
        log.debug("engine.io {}: upgraded to websocket", sid);
    }

    /** Gives up an upgrade: the probing WebSocket is closed, polling goes on. */
    void abortProbe(WsLink link) {
        boolean wasProbe;
        synchronized (this) {
            wasProbe = probe == link;
            if (wasProbe) {
                probe = null;
                cancelProbeTimer();
            }
        }
        if (wasProbe) {
            heldPolls.releaseAll(EngineResponses.payload(PollBuffer.NOOP));
        }
        link.close();
    }

    private void cancelProbeTimer() {
        if (probeTimer != null) {
            probeTimer.cancel();
            probeTimer = null;
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Ends the connection; idempotent. A waiting poll gets a noop when the client asked, a close otherwise. */
    void close(DisconnectReason reason) {
        PollBuffer buffer;
        WsLink w;
        WsLink p;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            buffer = poll;
            w = ws;
            p = probe;
            probe = null;
            cancelProbeTimer();
        }
        log.debug("engine.io {}: closed ({})", sid, reason.text());
        heartbeat.stop();
        onClosed.accept(this);
        if (buffer != null) {
            buffer.release(reason.byClient() ? PollBuffer.NOOP : PollBuffer.CLOSE);
        }
        heldPolls.releaseAll(EngineResponses.payload(reason.byClient() ? PollBuffer.NOOP : PollBuffer.CLOSE));
        if (w != null) {
            w.close();
        }
        if (p != null) {
            p.close();
        }
        BoundedSourceQueue<OutPacket> q = control;
        if (q != null) {
            q.complete();
        }
        app.closed(reason);
    }

    private static CompletionStage<HttpResponse> done(HttpResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
