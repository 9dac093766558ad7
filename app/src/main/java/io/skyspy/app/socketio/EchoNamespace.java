package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.skyspy.protocol.socketio.DisconnectReason;
import io.skyspy.protocol.socketio.SocketPacket;
import io.skyspy.protocol.socketio.SocketPacketType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Conformance mode only: the namespace the official socket.io-protocol suite talks to. On connect
 * it emits {@code auth} with the handshake's auth object; it answers {@code message} with
 * {@code message-back} and the same arguments, and acknowledges {@code message-with-ack} with the
 * same arguments (binary attachments included, in order).
 */
final class EchoNamespace implements Namespace {
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());

    @Override
    public Namespace.Socket connect(Namespace.Context context) {
        context.send(SocketPacket.connect(context.namespace(), context.sid()));
        context.send(SocketPacket.event(context.namespace(), "auth", context.auth()));
        return new Namespace.Socket() {
            @Override
            public CompletionStage<Done> onEvent(SocketPacket event) {
                ArrayNode args = event.args();
                if ("message".equals(event.eventName())) {
                    args.insert(0, TextNode.valueOf("message-back"));
                    context.send(new SocketPacket(SocketPacketType.EVENT, context.namespace(), SocketPacket.NO_ACK, args, 0));
                } else if ("message-with-ack".equals(event.eventName()) && event.hasAck()) {
                    context.send(SocketPacket.ack(context.namespace(), event.ackId(), args));
                }
                return DONE;
            }

            @Override
            public void heard() {}

            @Override
            public void disconnected(DisconnectReason reason) {}
        };
    }
}
