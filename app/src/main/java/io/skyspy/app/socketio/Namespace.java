package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.socketio.DisconnectReason;
import io.skyspy.protocol.socketio.SocketPacket;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** A Socket.IO namespace this server serves. */
@FunctionalInterface
interface Namespace {

    /**
     * Joins an admitted client. The namespace answers the CONNECT itself: the returned socket sends
     * the CONNECT packet before anything else; a refusal (null) has sent the CONNECT_ERROR.
     */
    Socket connect(Context context);

    /**
     * One client's connection to a namespace.
     *
     * @param sid the namespace socket's id (the client's {@code socket.id})
     * @param address the client's address, for the per-address connection limit
     * @param leave removes the socket from its connection, when the server ends it
     */
    record Context(EngineSocket engine, String namespace, String sid, JsonNode auth, Principal principal, String address,
            Runnable leave) {
        void send(SocketPacket packet) {
            engine.send(packet);
        }
    }

    /** One client in the namespace. Events arrive one at a time, in order. */
    interface Socket {
        CompletionStage<Done> onEvent(SocketPacket event);

        /** The client sent something (on any namespace): it is alive. */
        void heard();

        /** The client left, or its connection ended. */
        void disconnected(DisconnectReason reason);
    }
}
