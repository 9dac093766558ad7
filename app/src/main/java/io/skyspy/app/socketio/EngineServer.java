package io.skyspy.app.socketio;

import io.skyspy.protocol.socketio.EngineError;
import io.skyspy.streams.ws.WsFrames;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.util.ByteString;

/**
 * The Engine.IO server of one path: validates each request, opens connections (handshake by
 * polling or by WebSocket), routes polling requests and upgrade WebSockets to the connection of
 * their {@code sid}, and answers everything else with the protocol's errors.
 *
 * <p>Connections live in this node's memory: every request of one sid must reach this node
 * (sticky routing by the {@code sid} query parameter when several nodes share a name). A sid this
 * node does not know gets {@code 400 {"code":1,"message":"Session ID unknown"}}, and the client
 * reconnects.
 */
final class EngineServer {
    private final EngineContext context;
    private final EngineGate gate;
    private final Supplier<EngineApp> apps;
    private final Map<String, EngineSocket> sockets = new ConcurrentHashMap<>();

    EngineServer(EngineContext context, EngineGate gate, Supplier<EngineApp> apps) {
        this.context = context;
        this.gate = gate;
        this.apps = apps;
    }

    /** @param address the client's address */
    CompletionStage<HttpResponse> handle(HttpRequest request, Map<String, String> query, String address) {
        if (!"4".equals(query.get("EIO"))) {
            return refuse(request, EngineError.UNSUPPORTED_PROTOCOL_VERSION);
        }
        if (!gate.originAllowed().test(request.getHeader("Origin").map(h -> h.value()))) {
            return refuse(request, EngineError.FORBIDDEN);
        }
        String transport = query.get("transport");
        boolean upgrade = WsFrames.isUpgrade(request);
        String sid = query.get("sid");
        if (sid == null && ("websocket".equals(transport) || "polling".equals(transport))
                && !gate.handshakeAllowed().getAsBoolean()) {
            request.discardEntityBytes(context.materializer());
            return done(EngineResponses.busy());
        }
        if ("websocket".equals(transport)) {
            if (!upgrade) {
                return refuse(request, EngineError.BAD_REQUEST);
            }
            return done(sid == null ? openWebSocket(request, address) : upgradeWebSocket(request, sid));
        }
        if (!"polling".equals(transport)) {
            return refuse(request, EngineError.UNKNOWN_TRANSPORT);
        }
        if (upgrade) {
            return refuse(request, EngineError.BAD_REQUEST);
        }
        boolean get = request.method().equals(HttpMethods.GET);
        if (sid == null) {
            return get ? done(openPolling(address)) : refuse(request, EngineError.BAD_HANDSHAKE_METHOD);
        }
        EngineSocket socket = find(sid);
        if (socket == null) {
            return refuse(request, EngineError.UNKNOWN_SID);
        }
        if (get) {
            return socket.poll();
        }
        if (request.method().equals(HttpMethods.POST)) {
            return readBody(request).thenCompose(body -> body == null
                    ? tooLarge(socket)
                    : socket.post(body));
        }
        return refuse(request, EngineError.BAD_REQUEST);
    }

    private EngineSocket newSocket(EngineSocket.Transport transport, String address) {
        String sid = Ids.next(context.settings().sidPrefix());
        EngineSocket socket = new EngineSocket(sid, address, context, apps.get(), transport, s -> sockets.remove(s.sid(), s));
        sockets.put(sid, socket);
        return socket;
    }

    private HttpResponse openPolling(String address) {
        EngineSocket socket = newSocket(EngineSocket.Transport.POLLING, address);
        socket.startPolling();
        return EngineResponses.text(io.skyspy.protocol.socketio.EngineCodec.encode(socket.handshake(List.of("websocket")).packet()));
    }

    private HttpResponse openWebSocket(HttpRequest request, String address) {
        EngineSocket socket = newSocket(EngineSocket.Transport.WEBSOCKET, address);
        WsLink link = WsLink.connection(socket);
        socket.startWebSocket(link);
        return WsFrames.accept(request, link.flow(context.settings().maxPayload(), context.dispatcher()), Optional.empty());
    }

    private HttpResponse upgradeWebSocket(HttpRequest request, String sid) {
        EngineSocket socket = find(sid);
        if (socket == null) {
            return EngineResponses.error(EngineError.UNKNOWN_SID);
        }
        WsLink link = WsLink.probe(socket);
        if (!socket.offerProbe(link)) {
            // already upgraded or upgrading: the reference accepts the socket and closes it at once
            link = WsLink.refused();
        }
        return WsFrames.accept(request, link.flow(context.settings().maxPayload(), context.dispatcher()), Optional.empty());
    }

    private EngineSocket find(String sid) {
        return sockets.get(sid);
    }

    /** The POST body as text, null when it exceeds the max payload; fails when it is not UTF-8 or too slow. */
    private CompletionStage<String> readBody(HttpRequest request) {
        SocketIoSettings s = context.settings();
        return request.entity().withSizeLimit(s.maxPayload())
                .toStrict(s.postTimeout().toMillis(), context.materializer())
                .thenApplyAsync(strict -> utf8(strict.getData()), context.dispatcher())
                .exceptionally(err -> {
                    Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                    if (cause instanceof EntityStreamSizeException) {
                        return null;
                    }
                    // not UTF-8, or the body did not arrive in time: a payload the codec refuses
                    return "";
                });
    }

    private static String utf8(ByteString bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.asByteBuffer())
                    .toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }

    private static CompletionStage<HttpResponse> tooLarge(EngineSocket socket) {
        socket.tooLarge();
        return done(EngineResponses.tooLarge());
    }

    private CompletionStage<HttpResponse> refuse(HttpRequest request, EngineError error) {
        // an unread request body would stall the connection it came on
        request.discardEntityBytes(context.materializer());
        return done(EngineResponses.error(error));
    }

    private static CompletionStage<HttpResponse> done(HttpResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
