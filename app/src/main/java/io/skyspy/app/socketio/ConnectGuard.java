package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.auth.Authenticator;
import io.skyspy.protocol.Principal;
import java.util.concurrent.CompletionStage;

/**
 * Decides who may join which namespace, from the {@code auth} object of the CONNECT packet
 * ({@code {token}}). A refusal is answered with CONNECT_ERROR, which the client sees as
 * {@code connect_error} with the given message and does not retry on its own (spec 001).
 */
@FunctionalInterface
public interface ConnectGuard {
    /** Private mode, and the CONNECT carried no token (Socket.IO has no in-band authentication). */
    String AUTHENTICATION_REQUIRED = "Authentication required";

    /**
     * @param namespace e.g. {@code /} or {@code /audio}
     * @param auth the CONNECT packet's auth object; an empty object when the client sent none
     */
    CompletionStage<Admission> admit(String namespace, JsonNode auth);

    /** The outcome: a principal for the connection, or the message it is refused with. */
    record Admission(Principal principal, String refusal) {
        public static Admission accept(Principal principal) {
            return new Admission(principal, null);
        }

        public static Admission refuse(String message) {
            return new Admission(null, message);
        }

        public boolean accepted() {
            return refusal == null;
        }
    }

    /** The node's authentication: the same modes, tokens and permissions as {@code /ws/}. */
    static ConnectGuard of(Authenticator authenticator) {
        return new AuthenticatorGuard(authenticator);
    }
}
