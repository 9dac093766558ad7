package io.skyspy.protocol.socketio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v4 packet encoding, for both transports.
 *
 * <p>WebSocket: one packet per frame; a text frame is the type digit plus data, a binary frame is
 * a binary message as is. HTTP long-polling: a payload is packets joined by the record separator
 * {@code \u001e}, binary messages written as {@code b} plus their base64 (there is no length
 * prefix in v4, which is why text packets may not contain the separator).
 *
 * <p>Never throws on input: malformed packets decode to {@link Decoded.Error}.
 */
public final class EngineCodec {
    /** Separates packets in a polling payload. */
    public static final char SEPARATOR = '\u001e';
    /** Prefix of a base64 binary message inside a polling payload. */
    public static final char BASE64_PREFIX = 'b';

    private EngineCodec() {}

    /** Decodes one text packet (a WebSocket text frame or one element of a polling payload). */
    public static Decoded<EnginePacket> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Decoded.error("empty packet");
        }
        char first = text.charAt(0);
        if (first == BASE64_PREFIX) {
            try {
                return Decoded.ok(EnginePacket.binary(Base64.getDecoder().decode(text.substring(1))));
            } catch (IllegalArgumentException e) {
                return Decoded.error("invalid base64 in binary packet");
            }
        }
        EnginePacketType type = EnginePacketType.of(first);
        if (type == null) {
            return Decoded.error("unknown packet type");
        }
        return Decoded.ok(EnginePacket.text(type, text.substring(1)));
    }

    /** A WebSocket binary frame: always a binary message. */
    public static EnginePacket decodeBinary(byte[] bytes) {
        return EnginePacket.binary(bytes);
    }

    /** Decodes a polling POST body; one bad packet refuses the whole payload. */
    public static Decoded<List<EnginePacket>> decodePayload(String body) {
        if (body == null || body.isEmpty()) {
            return Decoded.error("empty payload");
        }
        List<EnginePacket> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = body.indexOf(SEPARATOR, start);
            String part = end < 0 ? body.substring(start) : body.substring(start, end);
            Decoded<EnginePacket> p = decode(part);
            if (!p.isOk()) {
                return Decoded.error(p.reason());
            }
            out.add(p.value());
            if (end < 0) {
                return Decoded.ok(out);
            }
            start = end + 1;
        }
    }

    /** A text packet as sent on a WebSocket, or inside a polling payload. */
    public static String encode(EnginePacket packet) {
        if (packet.isBinary()) {
            return BASE64_PREFIX + Base64.getEncoder().encodeToString(packet.binary());
        }
        return packet.type().code() + packet.data();
    }

    /** A polling payload: packets in order, binary ones in base64. */
    public static String encodePayload(List<EnginePacket> packets) {
        StringBuilder sb = new StringBuilder();
        for (EnginePacket p : packets) {
            if (!sb.isEmpty()) {
                sb.append(SEPARATOR);
            }
            sb.append(encode(p));
        }
        return sb.toString();
    }

    /** The UTF-8 bytes of {@link #encode}. */
    public static byte[] encodeBytes(EnginePacket packet) {
        return encode(packet).getBytes(StandardCharsets.UTF_8);
    }
}
