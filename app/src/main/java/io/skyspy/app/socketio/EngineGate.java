package io.skyspy.app.socketio;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What is checked before any Engine.IO session exists, as on {@code /ws/}: the node's handshake
 * rate (a reconnect storm is told to back off instead of taking the node down) and the browser
 * origins allowed to connect.
 *
 * @param handshakeAllowed takes one handshake from the node's budget; false when it is spent
 * @param originAllowed whether a request's {@code Origin} header (absent for non-browsers) may connect
 */
record EngineGate(BooleanSupplier handshakeAllowed, Predicate<Optional<String>> originAllowed) {
    static final EngineGate OPEN = new EngineGate(() -> true, origin -> true);
}
