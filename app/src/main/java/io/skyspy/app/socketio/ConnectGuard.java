package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides who may join which namespace, from the {@code auth} object of the CONNECT packet
 * ({@code {token}}). A refusal is answered with CONNECT_ERROR, which the client sees as
 * {@code connect_error} with the given message (spec 001: private mode, or an invalid token with
 * reject-invalid-tokens on). This is also where namespace permissions belong ({@code /audio}
 * needs the audio permission).
 *
 * <p>Until the authentication module plugs in its validating guard, {@link #open()} admits
 * everyone as anonymous (topic permissions still apply inside the session), and
 * {@link #requireToken()} refuses a CONNECT that carries no token at all.
 */
@FunctionalInterface
public interface ConnectGuard {
    /** What {@link #requireToken()} answers when the auth object has no token. */
    String AUTHENTICATION_REQUIRED = "Authentication required";

    /**
     * @param namespace e.g. {@code /} or {@code /audio}
     * @param auth the CONNECT packet's auth object; an empty object when the client sent none
     */
    CompletionStage<Admission> admit(String namespace, JsonNode auth);

    /** The outcome: a principal for the connection, or the reason it is refused. */
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

    static ConnectGuard open() {
        return (namespace, auth) -> CompletableFuture.completedFuture(Admission.accept(Principal.anonymous()));
    }

    static ConnectGuard requireToken() {
        return (namespace, auth) -> {
            JsonNode token = auth.get("token");
            boolean present = token != null && token.isTextual() && !token.asText().isBlank();
            return CompletableFuture.completedFuture(present
                    ? Admission.accept(Principal.anonymous())
                    : Admission.refuse(AUTHENTICATION_REQUIRED));
        };
    }
}
