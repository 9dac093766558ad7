package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.auth.Authenticator;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link ConnectGuard} on the node's {@link Authenticator}: the token of the CONNECT packet's
 * auth object decides, as a token in the WebSocket handshake does on {@code /ws/}. Public mode
 * admits everyone; hybrid treats an invalid token as anonymous unless reject-invalid-tokens is on;
 * private requires a valid token. {@code /audio} also requires the audio permission (spec 001).
 */
final class AuthenticatorGuard implements ConnectGuard {
    static final String AUDIO_NAMESPACE = "/audio";

    private final Authenticator authenticator;

    AuthenticatorGuard(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public CompletionStage<Admission> admit(String namespace, JsonNode auth) {
        JsonNode t = auth.get("token");
        String token = t != null && t.isTextual() && !t.asText().isBlank() ? t.asText() : null;
        Authenticator.Decision d = authenticator.decide(token);
        Admission a;
        if (d instanceof Authenticator.Decision.Accept accept) {
            Principal p = accept.principal();
            a = AUDIO_NAMESPACE.equals(namespace) && !p.can(Principal.AUDIO)
                    ? Admission.refuse(ErrorMessages.PERMISSION_DENIED)
                    : Admission.accept(p);
        } else if (d instanceof Authenticator.Decision.Reject) {
            a = Admission.refuse(ErrorMessages.INVALID_TOKEN);
        } else {
            a = Admission.refuse(AUTHENTICATION_REQUIRED);
        }
        return CompletableFuture.completedFuture(a);
    }
}
