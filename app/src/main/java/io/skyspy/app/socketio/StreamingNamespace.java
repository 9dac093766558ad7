package io.skyspy.app.socketio;

import io.skyspy.app.auth.ConnectionLimits;
import io.skyspy.app.ws.ClientSession;
import io.skyspy.app.ws.Streaming;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.socketio.ServerEvents;
import io.skyspy.protocol.socketio.SocketPacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A SkySpy namespace: each client in it is a {@link ClientSession} of one raw API endpoint, so
 * topics, permissions, rate limits, batching, deltas and slow-client handling are the ones of
 * {@code /ws/}. Only the framing differs.
 *
 * @param greeting server messages sent right after the CONNECT packet, from the session id
 */
record StreamingNamespace(Streaming streaming, Endpoint endpoint, List<String> initialTopics,
        Function<String, List<byte[]>> greeting) implements Namespace {

    @Override
    public Namespace.Socket connect(Namespace.Context context) {
        // the same connection limits as /ws/: per address, per identity, and the node's cap
        String[] why = new String[1];
        ConnectionLimits.Lease lease = streaming.limits().acquire(context.address(), context.principal(), why);
        if (lease == null) {
            context.send(SocketPacket.connectError(context.namespace(), why[0]));
            return null;
        }
        ClientSession session = new ClientSession(streaming, endpoint, context.principal(), lease, context.sid(), false,
                initialTopics, true);
        List<OutPacket> first = new ArrayList<>();
        for (byte[] json : greeting.apply(session.id())) {
            first.add(OutPacket.text(new String(ServerEvents.eventPacket(json, context.namespace()), StandardCharsets.UTF_8)));
        }
        return StreamingSocket.start(session, context, first);
    }
}
