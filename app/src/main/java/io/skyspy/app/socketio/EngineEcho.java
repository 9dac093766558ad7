package io.skyspy.app.socketio;

import io.skyspy.protocol.socketio.DisconnectReason;
import io.skyspy.protocol.socketio.EnginePacket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Conformance mode only: the plain Engine.IO echo server the engine.io-protocol suite talks to at {@code /engine.io/}. */
final class EngineEcho implements EngineApp {
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());
    private volatile EngineSocket socket;

    @Override
    public void opened(EngineSocket s) {
        socket = s;
    }

    @Override
    public void heard() {}

    @Override
    public CompletionStage<Done> message(EnginePacket packet) {
        socket.send(OutPacket.of(packet));
        return DONE;
    }

    @Override
    public void closed(DisconnectReason reason) {}
}
