package io.skyspy.app.socketio;

import io.skyspy.protocol.socketio.DisconnectReason;
import io.skyspy.protocol.socketio.EnginePacket;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * What runs on top of one Engine.IO connection: the Socket.IO layer, or (in conformance mode) a
 * plain echo. Calls for one connection never overlap: each message is handled after the previous
 * one's stage completed.
 */
interface EngineApp {

    /** The connection's output is ready; packets may be sent. */
    void opened(EngineSocket socket);

    /** Any packet arrived (a pong included): the peer is alive. */
    void heard();

    /** One message packet (text or binary). */
    CompletionStage<Done> message(EnginePacket packet);

    /** The connection ended; called once. */
    void closed(DisconnectReason reason);
}
