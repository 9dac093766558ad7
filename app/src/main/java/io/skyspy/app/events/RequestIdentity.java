package io.skyspy.app.events;

import io.skyspy.app.auth.Authenticator;
import io.skyspy.app.auth.HandshakeCredentials;
import io.skyspy.protocol.Principal;
import io.skyspy.streams.ws.WsFrames;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/**
 * Who is calling a REST route or one of the spec 003 sockets, decided by the same
 * {@link Authenticator} and auth mode as the {@code /ws/} endpoints.
 */
public final class RequestIdentity {
    private RequestIdentity() {}

    /** REST: {@code Authorization: Bearer <token>} (a JWT or an API key); none means anonymous where the mode allows. */
    public static Optional<Principal> rest(Authenticator auth, HttpRequest request) {
        String token = request.getHeader("Authorization")
                .map(h -> h.value().strip())
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).strip())
                .orElse(null);
        return accepted(auth.decide(token));
    }

    /** Sockets: the subprotocol header ({@code access_token, <token>} or {@code Bearer, <token>}) or {@code ?token=}. */
    public static Optional<Principal> socket(Authenticator auth, HttpRequest request, Map<String, String> query) {
        return accepted(auth.decide(credentials(request, query).token()));
    }

    public static HandshakeCredentials credentials(HttpRequest request, Map<String, String> query) {
        return HandshakeCredentials.of(WsFrames.requestedProtocols(request), query);
    }

    /** Accepted, or empty: refused, or (private mode) no credential and these routes take none in-band. */
    private static Optional<Principal> accepted(Authenticator.Decision d) {
        return d instanceof Authenticator.Decision.Accept a ? Optional.of(a.principal()) : Optional.empty();
    }
}
