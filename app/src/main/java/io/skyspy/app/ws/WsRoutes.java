package io.skyspy.app.ws;

import io.skyspy.protocol.Endpoint;
import io.skyspy.streams.ws.WsFrames;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /ws/{endpoint}/} for every endpoint of the spec. Query parameters: {@code topics}
 * (comma separated, default {@code all}), {@code session_id} (resume a session within its
 * resume window) and {@code updates=false} (deltas only: no periodic {@code aircraft:update}).
 */
public final class WsRoutes extends AllDirectives {
    private static final List<String> ACCEPTED_SUBPROTOCOLS = List.of("skyspy", "Bearer", "access_token");

    private final Streaming streaming;

    public WsRoutes(Streaming streaming) {
        this.streaming = streaming;
    }

    public Route route() {
        return pathPrefix("ws", () -> pathPrefix(PathMatchers.segment(), name -> pathEndOrSingleSlash(() ->
                Endpoint.byPath(name)
                        .map(endpoint -> extractRequest(req -> parameterMap(params -> connect(endpoint, req, params))))
                        .orElseGet(() -> complete(StatusCodes.NOT_FOUND, "Unknown endpoint")))));
    }

    private Route connect(Endpoint endpoint, HttpRequest request, Map<String, String> params) {
        if (!WsFrames.isUpgrade(request)) {
            return complete(StatusCodes.BAD_REQUEST, "Expected a WebSocket upgrade");
        }
        String offered = params.get("session_id");
        boolean resume = SessionIds.valid(offered);
        String sessionId = resume ? offered : SessionIds.next();
        List<String> topics = Optional.ofNullable(params.get("topics"))
                .map(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .filter(l -> !l.isEmpty())
                .orElse(List.of(Endpoint.ALL_TOPIC));
        boolean withUpdates = !"false".equalsIgnoreCase(params.get("updates"));
        ClientSession session = new ClientSession(streaming, endpoint, sessionId, resume, topics, withUpdates);
        WsConnection connection = new WsConnection(session, streaming.ws().maxMessageBytes());
        HttpResponse response = WsFrames.accept(request, connection.flow(), subprotocol(request));
        return complete(response);
    }

    /** Browsers refuse a connection whose offered subprotocol is not selected; tokens are never echoed. */
    private static Optional<String> subprotocol(HttpRequest request) {
        return WsFrames.requestedProtocols(request).stream().filter(ACCEPTED_SUBPROTOCOLS::contains).findFirst();
    }
}
