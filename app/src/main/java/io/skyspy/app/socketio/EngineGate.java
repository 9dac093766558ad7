package io.skyspy.app.socketio;

import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What is checked before any Engine.IO session exists, as on {@code /ws/}: the node's handshake
 * rate (a reconnect storm is told to back off instead of taking the node down) and the browser
 * origins allowed to connect.
 *
 * @param handshakeAllowed takes one handshake from the node's budget; false when it is spent
 * @param allowedOrigins browsers' {@code Origin} must be one of these; empty allows any
 */
record EngineGate(BooleanSupplier handshakeAllowed, Set<String> allowedOrigins) {
    static final EngineGate OPEN = new EngineGate(() -> true, Set.of());

    /** Requests without an Origin do not come from a browser, and are not asked for one. */
    boolean originAllowed(Optional<String> origin) {
        return allowedOrigins.isEmpty() || origin.isEmpty() || allowedOrigins.contains(origin.get());
    }
}
