package io.skyspy.app.socketio;

import io.skyspy.protocol.socketio.DisconnectReason;
import io.skyspy.protocol.socketio.Decoded;
import io.skyspy.protocol.socketio.EngineCodec;
import io.skyspy.protocol.socketio.EnginePacket;
import io.skyspy.streams.ws.ClientFrame;
import io.skyspy.streams.ws.FrameAssembler;
import io.skyspy.streams.ws.WsFrames;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One WebSocket of the Engine.IO transport, at the frame level (so broadcast frames go out as the
 * shared, once-encoded {@code FrameEvent}s):
 * <pre>
 * client frames -> assemble (unmask, join, max payload) -> engine packets, one at a time -> connection
 * control frames (pong, 3probe, close) preferred over the connection's output -> client frames
 * </pre>
 * A WebSocket opened without a sid carries its connection from the start. One with the sid of a
 * polling connection is a probe: it answers {@code 2probe}, and carries the connection once the
 * client sends {@code 5}. One that may not take over is accepted and closed at once.
 */
final class WsLink {
    private static final int CONTROL_FRAMES = 16;
    private static final FrameEvent CLOSE_NORMAL = WsFrames.close(1000, "");
    private static final FrameEvent CLOSE_TOO_BIG = WsFrames.close(1009, "max payload exceeded");
    private static final FrameEvent CLOSE_PROTOCOL = WsFrames.close(1002, "protocol error");
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());

    private enum Role { CONNECTION, PROBE, REFUSED }

    private final EngineSocket socket;
    private final CompletableFuture<Source<OutPacket, NotUsed>> carried = new CompletableFuture<>();
    private volatile Role role;
    private volatile BoundedSourceQueue<FrameEvent> control;
    private volatile FrameEvent closing;

    private WsLink(EngineSocket socket, Role role) {
        this.socket = socket;
        this.role = role;
    }

    /** A WebSocket that opens its own connection. */
    static WsLink connection(EngineSocket socket) {
        WsLink link = new WsLink(socket, Role.CONNECTION);
        link.carried.complete(socket.output());
        return link;
    }

    /** A WebSocket offered as the upgrade of a polling connection. */
    static WsLink probe(EngineSocket socket) {
        return new WsLink(socket, Role.PROBE);
    }

    /** A WebSocket that gets closed right after the handshake (its sid cannot be upgraded). */
    static WsLink refused() {
        WsLink link = new WsLink(null, Role.REFUSED);
        link.closing = CLOSE_NORMAL;
        link.carried.complete(Source.empty());
        return link;
    }

    Flow<FrameEvent, FrameEvent, NotUsed> flow(long maxPayload, Executor dispatcher) {
        FrameAssembler assembler = new FrameAssembler(maxPayload);
        Sink<FrameEvent, NotUsed> in = Flow.<FrameEvent>create()
                .mapConcat(assembler::accept)
                .mapAsync(1, this::onFrame)
                .named("sio-ws-in")
                .to(Sink.ignore());
        Source<FrameEvent, NotUsed> output = Source.completionStageSource(carried)
                .mapConcat(OutPacket::frames)
                .concat(Source.single(CLOSE_NORMAL))
                .mapMaterializedValue(m -> NotUsed.getInstance());
        Source<FrameEvent, NotUsed> out = Source.<FrameEvent>queue(CONTROL_FRAMES)
                .mapMaterializedValue(q -> {
                    control = q;
                    FrameEvent c = closing;
                    if (c != null) {
                        q.offer(c);
                    }
                    return NotUsed.getInstance();
                })
                .mergePreferred(output, true, false)
                .takeWhile(f -> !isClose(f), true)
                .watchTermination((nu, done) -> {
                    done.whenCompleteAsync((d, e) -> ended(), dispatcher);
                    return nu;
                })
                .named("sio-ws-out");
        return Flow.fromSinkAndSourceCoupled(in, out);
    }

    private static boolean isClose(FrameEvent f) {
        return f == CLOSE_NORMAL || f == CLOSE_TOO_BIG || f == CLOSE_PROTOCOL;
    }

    /** From now on this WebSocket sends the connection's output (the upgrade is complete). */
    void carry(Source<OutPacket, NotUsed> output) {
        role = Role.CONNECTION;
        carried.complete(output);
    }

    /** A packet ahead of the connection's output (the probe answer). */
    void send(OutPacket p) {
        BoundedSourceQueue<FrameEvent> q = control;
        if (q != null) {
            for (FrameEvent f : p.frames()) {
                offer(q, f);
            }
        }
    }

    /** Closes the WebSocket after the frames already queued ahead of the close. */
    void close() {
        closeWith(CLOSE_NORMAL);
    }

    private void closeWith(FrameEvent frame) {
        if (closing != null) {
            return;
        }
        closing = frame;
        BoundedSourceQueue<FrameEvent> q = control;
        if (q != null) {
            offer(q, frame);
        }
        // a probe that never carried anything has nothing to wait for
        carried.complete(Source.empty());
    }

    private static void offer(BoundedSourceQueue<FrameEvent> q, FrameEvent f) {
        if (q.offer(f) == QueueOfferResult.dropped()) {
            // a client that does not even read its control frames: end the socket outright
            q.fail(new IllegalStateException("websocket control frames not read"));
        }
    }

    private CompletionStage<Done> onFrame(ClientFrame f) {
        if (role == Role.REFUSED || closing != null) {
            return DONE;
        }
        if (f instanceof ClientFrame.Text t) {
            Decoded<EnginePacket> p = EngineCodec.decode(t.text());
            if (!p.isOk()) {
                fail(DisconnectReason.PARSE_ERROR, CLOSE_NORMAL);
                return DONE;
            }
            return deliver(p.value());
        }
        if (f instanceof ClientFrame.Binary b) {
            return deliver(EngineCodec.decodeBinary(b.bytes().toArray()));
        }
        if (f instanceof ClientFrame.Ping p) {
            BoundedSourceQueue<FrameEvent> q = control;
            if (q != null) {
                offer(q, WsFrames.pong(p.payload()));
            }
        } else if (f instanceof ClientFrame.Close) {
            fail(DisconnectReason.TRANSPORT_CLOSE, CLOSE_NORMAL);
        } else if (f instanceof ClientFrame.TooLarge) {
            fail(DisconnectReason.TRANSPORT_ERROR, CLOSE_TOO_BIG);
        } else if (f instanceof ClientFrame.ProtocolError) {
            fail(DisconnectReason.TRANSPORT_ERROR, CLOSE_PROTOCOL);
        }
        return DONE;
    }

    private CompletionStage<Done> deliver(EnginePacket p) {
        return role == Role.CONNECTION ? socket.receive(p) : socket.onProbePacket(this, p);
    }

    /** This WebSocket ends: its connection too, unless it was only probing. */
    private void fail(DisconnectReason reason, FrameEvent frame) {
        closeWith(frame);
        if (role == Role.CONNECTION) {
            socket.close(reason);
        } else if (role == Role.PROBE) {
            socket.abortProbe(this);
        }
    }

    private void ended() {
        if (role == Role.CONNECTION) {
            socket.close(DisconnectReason.TRANSPORT_CLOSE);
        } else if (role == Role.PROBE) {
            socket.abortProbe(this);
        }
    }
}
