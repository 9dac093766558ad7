package io.skyspy.app.socketio;

import com.typesafe.config.Config;
import io.skyspy.app.ws.Streaming;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.Timestamps;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Socket.IO (Engine.IO v4, Socket.IO v5) at {@code skyspy.socketio.path}, on the HTTP port, with
 * the namespaces of spec 001:
 * <ul>
 *   <li>{@code /}: everything of {@code /ws/all/}; {@code aircraft:snapshot} on connect, then
 *       {@code subscribe} / {@code unsubscribe} events ({@code subscribed} / {@code unsubscribed}),
 *       every server message as an event named by its {@code type}
 *   <li>{@code /audio}: audio topics ({@code audio:snapshot} on connect)
 *   <li>{@code /cannonball}: {@code session_started} with the session id on connect
 *   <li>{@code /acars}: ACARS only
 * </ul>
 * Who may join is decided by the {@link ConnectGuard} from the CONNECT packet's auth object (by
 * default the node's authentication, as on {@code /ws/}); handshakes obey the node's handshake
 * rate and allowed origins, and namespace connections its connection limits.
 *
 * <p>With {@code skyspy.socketio.conformance} on, {@code /} and {@code /custom} are the official
 * suite's echo namespaces instead, and {@code /engine.io/} is a plain Engine.IO echo server.
 */
public final class SocketIoRoutes extends AllDirectives {
    // a poll is answered by the next ping at the latest; the margin covers a slow scheduler tick
    private static final Duration POLL_MARGIN = Duration.ofSeconds(5);

    private final SocketIoSettings settings;
    private final EngineServer socketIo;
    private final EngineServer engineEcho;

    public SocketIoRoutes(Streaming streaming, SocketIoSettings settings, ConnectGuard guard) {
        this.settings = settings;
        EngineContext context = EngineContext.create(settings, streaming.system());
        Map<String, Namespace> namespaces = namespaces(streaming, settings);
        EngineGate gate = new EngineGate(streaming.limits()::admitHandshake, streaming.auth().settings()::originAllowed);
        this.socketIo = new EngineServer(context, gate,
                () -> new SocketIoConnection(namespaces, guard, settings.maxAttachments()));
        this.engineEcho = settings.conformance() ? new EngineServer(context, EngineGate.OPEN, EngineEcho::new) : null;
    }

    /** From configuration, with the node's authentication deciding who joins which namespace. */
    public static SocketIoRoutes create(Streaming streaming, Config config) {
        return new SocketIoRoutes(streaming, SocketIoSettings.create(config), ConnectGuard.of(streaming.auth()));
    }

    private static Map<String, Namespace> namespaces(Streaming streaming, SocketIoSettings settings) {
        List<String> all = List.of(Endpoint.ALL_TOPIC);
        Map<String, Namespace> m = new LinkedHashMap<>();
        m.put("/", new StreamingNamespace(streaming, Endpoint.ALL, settings.mainNamespaceTopics(), id -> List.of()));
        m.put("/audio", new StreamingNamespace(streaming, Endpoint.AUDIO, all, id -> List.of(audioSnapshot())));
        m.put("/cannonball", new StreamingNamespace(streaming, Endpoint.CANNONBALL, all, id -> List.of(ServerMessages.sessionStarted(id))));
        m.put("/acars", new StreamingNamespace(streaming, Endpoint.ACARS, all, id -> List.of()));
        if (settings.conformance()) {
            m.put("/", new EchoNamespace());
            m.put("/custom", new EchoNamespace());
        }
        return Map.copyOf(m);
    }

    /** No recording is kept on this node yet, so the snapshot is the empty list. */
    private static byte[] audioSnapshot() {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "audio:snapshot");
            g.writeObjectFieldStart("data");
            g.writeArrayFieldStart("transmissions");
            g.writeEndArray();
            g.writeNumberField("count", 0);
            g.writeStringField("timestamp", Timestamps.iso(System.currentTimeMillis()));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    public Route route() {
        Route main = serve(settings.path(), socketIo);
        return engineEcho == null ? main : concat(main, serve("/engine.io", engineEcho));
    }

    private Route serve(String path, EngineServer server) {
        Duration hold = settings.pingInterval().plus(settings.pingTimeout()).plus(POLL_MARGIN);
        return pathPrefix(PathMatchers.separateOnSlashes(path.substring(1)), () -> pathEndOrSingleSlash(() ->
                withRequestTimeout(hold, () -> extractRequest(request -> extractClientIP(ip -> parameterMap(query ->
                        completeWithFuture(server.handle(request, query, address(ip)))))))));
    }

    private static String address(RemoteAddress ip) {
        return ip.getAddress().map(a -> a.getHostAddress()).orElse("unknown");
    }
}
