package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.skyspy.protocol.socketio.DisconnectReason;
import io.skyspy.protocol.socketio.EnginePacket;
import io.skyspy.protocol.socketio.PacketAssembler;
import io.skyspy.protocol.socketio.SocketPacket;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO layer of one Engine.IO connection: reassembles packets (binary attachments
 * included), multiplexes the namespaces the client joined over the one connection, admits each
 * CONNECT through the {@link ConnectGuard}, and closes the connection when no namespace is joined
 * within the connect timeout or a packet breaks the protocol.
 */
final class SocketIoConnection implements EngineApp {
    private static final Logger log = LoggerFactory.getLogger(SocketIoConnection.class);
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());
    static final String INVALID_NAMESPACE = "Invalid namespace";

    private final Map<String, Namespace> namespaces;
    private final ConnectGuard guard;
    private final PacketAssembler assembler;
    private final Map<String, Namespace.Socket> joined = new ConcurrentHashMap<>();
    private volatile EngineSocket engine;
    private volatile Cancellable connectTimer;

    SocketIoConnection(Map<String, Namespace> namespaces, ConnectGuard guard, int maxAttachments) {
        this.namespaces = namespaces;
        this.guard = guard;
        this.assembler = new PacketAssembler(maxAttachments);
    }

    @Override
    public void opened(EngineSocket socket) {
        engine = socket;
        connectTimer = socket.context().schedule(socket.context().settings().connectTimeout(), () -> {
            if (joined.isEmpty()) {
                socket.close(DisconnectReason.FORCED_SERVER_CLOSE);
            }
        });
    }

    @Override
    public void heard() {
        for (Namespace.Socket s : joined.values()) {
            s.heard();
        }
    }

    @Override
    public CompletionStage<Done> message(EnginePacket packet) {
        PacketAssembler.Result r = packet.isBinary() ? assembler.binary(packet.binary()) : assembler.text(packet.data());
        if (r instanceof PacketAssembler.Result.Complete c) {
            return dispatch(c.packet());
        }
        if (r instanceof PacketAssembler.Result.Failed f) {
            log.debug("socket.io {}: {}", engine.sid(), f.reason());
            engine.close(DisconnectReason.PARSE_ERROR);
        }
        return DONE;
    }

    private CompletionStage<Done> dispatch(SocketPacket p) {
        switch (p.type()) {
            case CONNECT -> {
                return connect(p);
            }
            case DISCONNECT -> {
                Namespace.Socket s = joined.remove(p.namespace());
                if (s != null) {
                    s.disconnected(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
                }
            }
            case EVENT, BINARY_EVENT -> {
                Namespace.Socket s = joined.get(p.namespace());
                // events for a namespace the client has not joined are dropped, as by the reference server
                return s == null ? DONE : s.onEvent(p);
            }
            case ACK, BINARY_ACK -> {
                // the server never emits with a callback, so there is nothing to acknowledge
            }
            case CONNECT_ERROR -> engine.close(DisconnectReason.PARSE_ERROR);
        }
        return DONE;
    }

    private CompletionStage<Done> connect(SocketPacket p) {
        String name = p.namespace();
        Namespace namespace = namespaces.get(name);
        if (namespace == null) {
            engine.send(SocketPacket.connectError(name, INVALID_NAMESPACE));
            return DONE;
        }
        if (joined.containsKey(name)) {
            return DONE;
        }
        JsonNode auth = p.data() == null ? JsonNodeFactory.instance.objectNode() : p.data();
        return guard.admit(name, auth).thenApply(admission -> {
            if (!admission.accepted()) {
                engine.send(SocketPacket.connectError(name, admission.refusal()));
            } else if (!engine.isClosed()) {
                String sid = Ids.next();
                Namespace.Context ctx = new Namespace.Context(engine, name, sid, auth, admission.principal(),
                        engine.address(), () -> joined.remove(name));
                Namespace.Socket socket = namespace.connect(ctx);
                if (socket != null) {
                    joined.put(name, socket);
                    Cancellable t = connectTimer;
                    if (t != null) {
                        t.cancel();
                    }
                }
            }
            return Done.getInstance();
        }).exceptionally(err -> {
            log.warn("socket.io {}: admission to {} failed: {}", engine.sid(), name, err.toString());
            engine.send(SocketPacket.connectError(name, "Internal error"));
            return Done.getInstance();
        });
    }

    @Override
    public void closed(DisconnectReason reason) {
        Cancellable t = connectTimer;
        if (t != null) {
            t.cancel();
        }
        for (Namespace.Socket s : new ArrayList<>(joined.values())) {
            s.disconnected(reason);
        }
        joined.clear();
    }
}
