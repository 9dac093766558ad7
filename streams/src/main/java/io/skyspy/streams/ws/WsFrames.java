package io.skyspy.streams.ws;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.http.impl.engine.ws.FrameEvent$;
import org.apache.pekko.http.impl.engine.ws.Protocol$Opcode$Binary$;
import org.apache.pekko.http.impl.engine.ws.Protocol$Opcode$Close$;
import org.apache.pekko.http.impl.engine.ws.Protocol$Opcode$Continuation$;
import org.apache.pekko.http.impl.engine.ws.Protocol$Opcode$Ping$;
import org.apache.pekko.http.impl.engine.ws.Protocol$Opcode$Pong$;
import org.apache.pekko.http.impl.engine.ws.Protocol$Opcode$Text$;
import org.apache.pekko.http.impl.engine.ws.UpgradeToWebSocketLowLevel;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.Graph;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import scala.Option;

/**
 * The one place that touches pekko-http's internal frame-level WebSocket API.
 *
 * <p>Why: the public message API encodes every {@code TextMessage} again for every client; at
 * thousands of clients that is most of the server's garbage (DESIGN.md, "Known pitfalls"). At the
 * frame level one {@link FrameEvent} with a shared {@link ByteString} payload goes to every
 * subscriber unchanged. The price is that ping/pong, close and fragmented, masked client frames
 * are ours to handle: {@link FrameAssembler} does that.
 */
public final class WsFrames {
    public static final byte TEXT = Protocol$Opcode$Text$.MODULE$.code();
    public static final byte BINARY = Protocol$Opcode$Binary$.MODULE$.code();
    public static final byte CONTINUATION = Protocol$Opcode$Continuation$.MODULE$.code();
    public static final byte CLOSE = Protocol$Opcode$Close$.MODULE$.code();
    public static final byte PING = Protocol$Opcode$Ping$.MODULE$.code();
    public static final byte PONG = Protocol$Opcode$Pong$.MODULE$.code();

    private static final FrameEvent PING_FRAME = control(Protocol$Opcode$Ping$.MODULE$, ByteString.emptyByteString());

    private WsFrames() {}

    /** A complete, unmasked server text frame; the payload is shared, never copied per client. */
    public static FrameEvent text(ByteString utf8) {
        return FrameEvent$.MODULE$.fullFrame(Protocol$Opcode$Text$.MODULE$, Option.empty(), utf8, true, false, false, false);
    }

    public static FrameEvent text(byte[] utf8) {
        return text(ByteString.fromArrayUnsafe(utf8));
    }

    /** A complete, unmasked server binary frame (Socket.IO attachments). */
    public static FrameEvent binary(ByteString bytes) {
        return FrameEvent$.MODULE$.fullFrame(Protocol$Opcode$Binary$.MODULE$, Option.empty(), bytes, true, false, false, false);
    }

    public static FrameEvent ping() {
        return PING_FRAME;
    }

    public static FrameEvent pong(ByteString payload) {
        return control(Protocol$Opcode$Pong$.MODULE$, payload);
    }

    /** A close frame; the reason is cut to fit the 123 bytes a control frame allows. */
    public static FrameEvent close(int code, String reason) {
        String r = reason == null ? "" : reason;
        byte[] bytes = r.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 123) {
            r = new String(bytes, 0, 123, StandardCharsets.UTF_8);
        }
        return FrameEvent$.MODULE$.closeFrame(code, r, Option.empty());
    }

    private static FrameEvent control(org.apache.pekko.http.impl.engine.ws.Protocol.Opcode opcode, ByteString data) {
        return FrameEvent$.MODULE$.fullFrame(opcode, Option.empty(), data, true, false, false, false);
    }

    /** The opcode object for a frame type code (tests build client frames with it). */
    public static org.apache.pekko.http.impl.engine.ws.Protocol.Opcode opcode(byte code) {
        if (code == TEXT) {
            return Protocol$Opcode$Text$.MODULE$;
        } else if (code == BINARY) {
            return Protocol$Opcode$Binary$.MODULE$;
        } else if (code == CONTINUATION) {
            return Protocol$Opcode$Continuation$.MODULE$;
        } else if (code == CLOSE) {
            return Protocol$Opcode$Close$.MODULE$;
        } else if (code == PING) {
            return Protocol$Opcode$Ping$.MODULE$;
        } else if (code == PONG) {
            return Protocol$Opcode$Pong$.MODULE$;
        }
        throw new IllegalArgumentException("opcode " + code);
    }

    /** True when the request asks for a WebSocket upgrade. */
    public static boolean isUpgrade(HttpRequest request) {
        return request.getAttribute(AttributeKeys.webSocketUpgrade).isPresent();
    }

    /**
     * Accepts the upgrade with a frame-level handler.
     *
     * @param subprotocol the subprotocol to select in the handshake reply (browsers refuse a
     *     connection whose requested subprotocol is not echoed), empty for none
     */
    public static HttpResponse accept(HttpRequest request, Flow<FrameEvent, FrameEvent, ?> handler, Optional<String> subprotocol) {
        UpgradeToWebSocketLowLevel upgrade = (UpgradeToWebSocketLowLevel) request.getAttribute(AttributeKeys.webSocketUpgrade)
                .orElseThrow(() -> new IllegalArgumentException("not a WebSocket upgrade request"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Graph<org.apache.pekko.stream.FlowShape<FrameEvent, FrameEvent>, Object> graph = (Graph) handler;
        return (HttpResponse) upgrade.handleFrames(graph, subprotocol.map(Option::apply).orElse(Option.empty()));
    }

    /** The subprotocols the client offered in {@code Sec-WebSocket-Protocol}, in order. */
    public static java.util.List<String> requestedProtocols(HttpRequest request) {
        java.util.List<String> out = new java.util.ArrayList<>();
        request.getAttribute(AttributeKeys.webSocketUpgrade).ifPresent(u -> u.getRequestedProtocols().forEach(out::add));
        return out;
    }
}
