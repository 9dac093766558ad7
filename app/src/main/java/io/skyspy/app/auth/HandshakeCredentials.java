package io.skyspy.app.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a WebSocket client put its token: {@code Sec-WebSocket-Protocol: Bearer, <token>} or
 * {@code access_token, <token>} (the server then selects {@code Bearer}/{@code access_token} so
 * browsers accept the connection — the token itself is never echoed), or the deprecated
 * {@code ?token=} query parameter.
 *
 * @param token the credential, null when none was offered
 * @param subprotocol the subprotocol to select in the handshake reply, if any
 * @param fromQuery true for the deprecated query form (worth a warning, without the token)
 */
public record HandshakeCredentials(String token, Optional<String> subprotocol, boolean fromQuery) {
    private static final List<String> MARKERS = List.of("Bearer", "access_token");
    private static final String PLAIN = "skyspy";

    public static HandshakeCredentials of(List<String> offeredProtocols, Map<String, String> query) {
        for (int i = 0; i < offeredProtocols.size(); i++) {
            String p = offeredProtocols.get(i);
            if (MARKERS.contains(p) && i + 1 < offeredProtocols.size()) {
                return new HandshakeCredentials(offeredProtocols.get(i + 1), Optional.of(p), false);
            }
        }
        Optional<String> sub = offeredProtocols.stream().filter(p -> p.equals(PLAIN) || MARKERS.contains(p)).findFirst();
        String q = query.get("token");
        if (q != null && !q.isBlank()) {
            return new HandshakeCredentials(q, sub, true);
        }
        return new HandshakeCredentials(null, sub, false);
    }
}
