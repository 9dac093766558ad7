package io.skyspy.protocol.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.skyspy.protocol.ClientMessageDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Socket.IO v5 packet encoding: {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON>]}.
 *
 * <p>Decoding is strict, as the official parser: an unknown type digit, a namespace without a
 * leading {@code /}, a payload that is not JSON or not of the shape its type requires (an event is
 * a non-empty array led by a name that is not reserved, an ack is an array, a connect payload is an
 * object, a disconnect has none) are errors. Never throws. Serialization is compact and keeps the
 * key order of the payload, so an echoed payload is byte for byte what arrived.
 */
public final class SocketCodec {
    /** Event names the protocol reserves for itself; a client may not emit them. */
    public static final Set<String> RESERVED_EVENTS =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");
    /** Longest namespace name accepted, so a hostile name cannot grow maps and logs. */
    public static final int MAX_NAMESPACE_LENGTH = 256;
    /** Ack ids beyond this many digits are not counters but an attack (JavaScript numbers stay exact to 15). */
    private static final int MAX_ACK_DIGITS = 15;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(ClientMessageDecoder.MAX_NESTING).build());
    }

    /** An encoded packet: its text (without the Engine.IO {@code 4}) and the binary messages that follow it. */
    public record Encoded(String text, List<byte[]> attachments) {}

    private SocketCodec() {}

    /**
     * Decodes the data of one Engine.IO text message. A binary packet comes back with its
     * placeholders still in place and {@link SocketPacket#attachments()} telling how many binary
     * messages to collect ({@link PacketAssembler} does that).
     *
     * @param maxAttachments binary packets announcing more attachments than this are refused
     */
    public static Decoded<SocketPacket> decode(String text, int maxAttachments) {
        if (text == null || text.isEmpty()) {
            return Decoded.error("empty packet");
        }
        SocketPacketType type = SocketPacketType.of(text.charAt(0));
        if (type == null) {
            return Decoded.error("unknown packet type");
        }
        int i = 1;
        int n = text.length();
        int attachments = 0;
        if (type.isBinary()) {
            int dash = text.indexOf('-', i);
            if (dash < 0 || dash == i || dash - i > 9 || !digits(text, i, dash)) {
                return Decoded.error("illegal attachments");
            }
            attachments = Integer.parseInt(text.substring(i, dash));
            if (attachments > maxAttachments) {
                return Decoded.error("too many attachments");
            }
            i = dash + 1;
        }
        String namespace = SocketPacket.MAIN;
        if (i < n && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            if (end - i > MAX_NAMESPACE_LENGTH) {
                return Decoded.error("namespace too long");
            }
            namespace = text.substring(i, end);
            i = comma < 0 ? n : comma + 1;
        }
        long ackId = SocketPacket.NO_ACK;
        int idStart = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i > idStart) {
            if (i - idStart > MAX_ACK_DIGITS) {
                return Decoded.error("invalid ack id");
            }
            ackId = Long.parseLong(text.substring(idStart, i));
        }
        JsonNode data = null;
        if (i < n) {
            try {
                data = MAPPER.readTree(text.substring(i));
            } catch (JsonProcessingException | RuntimeException e) {
                return Decoded.error("invalid payload");
            }
            if (data == null || data.isMissingNode()) {
                return Decoded.error("invalid payload");
            }
        }
        if (!payloadValid(type, data)) {
            return Decoded.error("invalid payload for " + type);
        }
        if (type.isAck() && ackId == SocketPacket.NO_ACK) {
            return Decoded.error("ack without id");
        }
        return Decoded.ok(new SocketPacket(type, namespace, ackId, data, attachments));
    }

    private static boolean digits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean payloadValid(SocketPacketType type, JsonNode data) {
        return switch (type) {
            case CONNECT -> data == null || data.isObject();
            case DISCONNECT -> data == null;
            case CONNECT_ERROR -> data != null && (data.isObject() || data.isTextual());
            case EVENT, BINARY_EVENT -> data != null && data.isArray() && data.size() > 0
                    && data.get(0).isTextual() && !RESERVED_EVENTS.contains(data.get(0).asText());
            case ACK, BINARY_ACK -> data != null && data.isArray();
        };
    }

    /**
     * Encodes a packet. Binary values ({@link com.fasterxml.jackson.databind.node.BinaryNode})
     * anywhere in the data become placeholders and attachments, and an event or ack that has
     * some becomes its binary type.
     */
    public static Encoded encode(SocketPacket packet) {
        List<byte[]> attachments = new ArrayList<>();
        JsonNode data = packet.data() == null ? null : BinaryPlaceholders.deconstruct(packet.data(), attachments);
        SocketPacketType type = packet.type();
        if (!attachments.isEmpty()) {
            if (type.isEvent()) {
                type = SocketPacketType.BINARY_EVENT;
            } else if (type.isAck()) {
                type = SocketPacketType.BINARY_ACK;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(type.code());
        if (type.isBinary()) {
            sb.append(attachments.size()).append('-');
        }
        if (!SocketPacket.MAIN.equals(packet.namespace())) {
            sb.append(packet.namespace()).append(',');
        }
        if (packet.hasAck()) {
            sb.append(packet.ackId());
        }
        if (data != null) {
            sb.append(toJson(data));
        }
        return new Encoded(sb.toString(), List.copyOf(attachments));
    }

    /** Encodes a packet that has no binary values; the text without the Engine.IO {@code 4}. */
    public static String encodeText(SocketPacket packet) {
        return encode(packet).text();
    }

    static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a tree we built or parsed always serializes
            throw new IllegalStateException(e);
        }
    }
}
