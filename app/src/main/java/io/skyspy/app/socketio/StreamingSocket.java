package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.skyspy.app.ws.ClientSession;
import io.skyspy.protocol.ClientMessage;
import io.skyspy.protocol.CloseCodes;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.socketio.DisconnectReason;
import io.skyspy.protocol.socketio.SocketPacket;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Outbound;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One client in a SkySpy namespace. Its stream into the connection is the CONNECT packet, the
 * namespace's greeting, then the session's outlet with every frame as a Socket.IO event of this
 * namespace (encoded once per node by {@link Frame#socketIo}).
 *
 * <p>Events: {@code request} with a callback gets the {@code response} (or {@code error})
 * message as its acknowledgement; any other event with a callback is acknowledged empty once
 * handled, its answer still arriving as an event. An outlet close becomes a DISCONNECT of this
 * namespace ({@code io server disconnect}: the client does not reconnect on its own), except on
 * shutdown, which closes the transport so clients reconnect to another node.
 */
final class StreamingSocket implements Namespace.Socket {
    private final ClientSession session;
    private final Namespace.Context context;
    private volatile UniqueKillSwitch kill;

    private StreamingSocket(ClientSession session, Namespace.Context context) {
        this.session = session;
        this.context = context;
    }

    static StreamingSocket start(ClientSession session, Namespace.Context context, List<OutPacket> greeting) {
        StreamingSocket s = new StreamingSocket(session, context);
        List<OutPacket> first = new ArrayList<>();
        first.add(OutPacket.of(SocketPacket.connect(context.namespace(), context.sid())));
        first.addAll(greeting);
        Source<OutPacket, NotUsed> stream = Source.from(first)
                .concat(session.outlet().source(session::open, session::closed).mapConcat(s::encode))
                .named("sio-namespace");
        s.kill = context.engine().attach(stream);
        return s;
    }

    private List<OutPacket> encode(Outbound o) {
        if (o instanceof Frame f) {
            return List.of(OutPacket.of(f.socketIo(context.namespace())));
        }
        if (o instanceof Outbound.Close c) {
            if (c.code() == CloseCodes.GOING_AWAY) {
                context.engine().close(DisconnectReason.SERVER_SHUTTING_DOWN);
                return List.of();
            }
            if (c.code() == CloseCodes.HEARTBEAT_TIMEOUT) {
                context.engine().close(DisconnectReason.PING_TIMEOUT);
                return List.of();
            }
            context.leave().run();
            return List.of(OutPacket.of(SocketPacket.disconnect(context.namespace())));
        }
        // transport pings and pongs are the Engine.IO heartbeat's business
        return List.of();
    }

    @Override
    public CompletionStage<Done> onEvent(SocketPacket event) {
        ArrayNode args = event.args();
        ClientMessage m = EventMessages.decode(event.eventName(), args.isEmpty() ? null : args.get(0));
        if (!event.hasAck()) {
            return session.onMessage(m);
        }
        long id = event.ackId();
        if (m instanceof ClientMessage.Request r) {
            // answered here rather than through onMessage, so it takes from the rate budget here
            if (!session.withinRate()) {
                return CompletableFuture.completedFuture(ack(id, ServerMessages.error(ErrorMessages.RATE_LIMITED, r.requestId())));
            }
            return session.request(r).thenApply(json -> ack(id, json));
        }
        if (m instanceof ClientMessage.Invalid i) {
            return CompletableFuture.completedFuture(ack(id, ServerMessages.error(i)));
        }
        return session.onMessage(m).thenApply(d -> ack(id, null));
    }

    private Done ack(long id, byte[] json) {
        ArrayNode args = Json.MAPPER.createArrayNode();
        if (json != null) {
            try {
                JsonNode reply = Json.MAPPER.readTree(json);
                args.add(reply);
            } catch (IOException e) {
                // our own replies are always JSON
                throw new IllegalStateException(e);
            }
        }
        context.send(SocketPacket.ack(context.namespace(), id, args));
        return Done.getInstance();
    }

    @Override
    public void heard() {
        session.outlet().heard();
    }

    @Override
    public void disconnected(DisconnectReason reason) {
        UniqueKillSwitch k = kill;
        if (k != null) {
            k.shutdown();
        }
    }
}
