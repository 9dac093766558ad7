package io.skyspy.app.ws;

import io.skyspy.app.auth.Authenticator;
import io.skyspy.app.auth.ConnectionLimits;
import io.skyspy.app.auth.HandshakeCredentials;
import io.skyspy.protocol.CloseCodes;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.streams.ws.WsFrames;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/{endpoint}/} for every endpoint of the spec. Query parameters: {@code topics}
 * (comma separated, default {@code all}), {@code session_id} (resume a session within its
 * resume window) and {@code updates=false} (deltas only: no periodic {@code aircraft:update}).
 *
 * <p>The handshake, in order: Origin allow-list (403), handshake rate (503), credentials from
 * the subprotocol header or the deprecated {@code ?token=}, the auth mode's decision (4001), the
 * admin-only check (4003), the connection limits (1008). Refusals that happen after the upgrade
 * are a WebSocket close with the code and a reason, so browsers can show them.
 */
public final class WsRoutes extends AllDirectives {
    private static final Logger log = LoggerFactory.getLogger(WsRoutes.class);

    private final Streaming streaming;

    public WsRoutes(Streaming streaming) {
        this.streaming = streaming;
    }

    public Route route() {
        return pathPrefix("ws", () -> pathPrefix(PathMatchers.segment(), name -> pathEndOrSingleSlash(() ->
                Endpoint.byPath(name)
                        .map(endpoint -> extractRequest(req -> extractClientIP(ip -> parameterMap(params ->
                                connect(endpoint, req, ip, params)))))
                        .orElseGet(() -> complete(StatusCodes.NOT_FOUND, "Unknown endpoint")))));
    }

    private Route connect(Endpoint endpoint, HttpRequest request, RemoteAddress ip, Map<String, String> params) {
        if (!WsFrames.isUpgrade(request)) {
            return complete(StatusCodes.BAD_REQUEST, "Expected a WebSocket upgrade");
        }
        Authenticator auth = streaming.auth();
        if (!auth.settings().originAllowed(request.getHeader("Origin").map(h -> h.value()))) {
            return complete(StatusCodes.FORBIDDEN, "Origin not allowed");
        }
        if (!streaming.limits().admitHandshake()) {
            return complete(StatusCodes.SERVICE_UNAVAILABLE, "Too many connection attempts, retry with backoff");
        }
        HandshakeCredentials creds = HandshakeCredentials.of(WsFrames.requestedProtocols(request), params);
        String address = ip.getAddress().map(a -> a.getHostAddress()).orElse("unknown");
        if (creds.fromQuery()) {
            // the token itself never reaches a log
            log.warn("client {} sent its token in the query string (deprecated: use the Sec-WebSocket-Protocol header)", address);
        }
        Authenticator.Decision decision = auth.decide(creds.token());
        if (decision instanceof Authenticator.Decision.Reject) {
            return refuse(request, creds, CloseCodes.UNAUTHORIZED, ErrorMessages.INVALID_TOKEN);
        }
        Principal principal = decision instanceof Authenticator.Decision.Accept a ? a.principal() : null;
        if (endpoint.adminOnly() && principal != null && !principal.isAdmin()) {
            return refuse(request, creds, CloseCodes.FORBIDDEN, ErrorMessages.PERMISSION_DENIED);
        }
        String[] why = new String[1];
        ConnectionLimits.Lease lease = streaming.limits().acquire(address, principal == null ? Principal.anonymous() : principal, why);
        if (lease == null) {
            return refuse(request, creds, CloseCodes.POLICY_VIOLATION, why[0]);
        }
        String offered = params.get("session_id");
        boolean resume = SessionIds.valid(offered);
        String sessionId = resume ? offered : SessionIds.next();
        List<String> topics = Optional.ofNullable(params.get("topics"))
                .map(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .filter(l -> !l.isEmpty())
                .orElse(List.of(Endpoint.ALL_TOPIC));
        boolean withUpdates = !"false".equalsIgnoreCase(params.get("updates"));
        ClientSession session = new ClientSession(streaming, endpoint, principal, lease, sessionId, resume, topics, withUpdates);
        if (endpoint == Endpoint.CANNONBALL) {
            // spec 000, "Cannonball Consumer": the phone learns its session id first
            session.reply(ServerMessages.sessionStarted(sessionId));
        }
        WsConnection connection = new WsConnection(session, streaming.ws().maxMessageBytes());
        return complete(WsFrames.accept(request, connection.flow(), creds.subprotocol()));
    }

    /** Accepts the upgrade only to say why not: an error message, then a close with the code. */
    private Route refuse(HttpRequest request, HandshakeCredentials creds, int code, String reason) {
        Source<FrameEvent, NotUsed> out = Source.from(List.of(
                WsFrames.text(ServerMessages.error(code == CloseCodes.UNAUTHORIZED ? ErrorMessages.INVALID_TOKEN : reason, null)),
                WsFrames.close(code, reason)));
        HttpResponse response = WsFrames.accept(request, Flow.fromSinkAndSourceCoupled(Sink.ignore(), out), creds.subprotocol());
        return complete(response);
    }
}
