package io.skyspy.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One Socket.IO packet. Binary attachments live inside {@code data} as
 * {@link com.fasterxml.jackson.databind.node.BinaryNode}s once reassembled; on the wire they
 * are placeholders, which {@link SocketCodec} swaps in and out.
 *
 * @param namespace starts with {@code /}; {@code /} is the main namespace
 * @param ackId the acknowledgement id, or {@link #NO_ACK}
 * @param data the JSON payload, or null when the packet has none
 * @param attachments how many binary messages follow a decoded binary packet (0 once reassembled)
 */
public record SocketPacket(SocketPacketType type, String namespace, long ackId, JsonNode data, int attachments) {
    public static final long NO_ACK = -1;
    public static final String MAIN = "/";

    public SocketPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
    }

    public boolean hasAck() {
        return ackId >= 0;
    }

    /** Server to client: the namespace connection is accepted. */
    public static SocketPacket connect(String namespace, String sid) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("sid", sid);
        return new SocketPacket(SocketPacketType.CONNECT, namespace, NO_ACK, data, 0);
    }

    /** Server to client: the namespace connection is refused; the client's {@code connect_error} gets the message. */
    public static SocketPacket connectError(String namespace, String message) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("message", message);
        return new SocketPacket(SocketPacketType.CONNECT_ERROR, namespace, NO_ACK, data, 0);
    }

    /** Either side: leave the namespace. */
    public static SocketPacket disconnect(String namespace) {
        return new SocketPacket(SocketPacketType.DISCONNECT, namespace, NO_ACK, null, 0);
    }

    /** An event; {@code args} follow the name in the array. */
    public static SocketPacket event(String namespace, String name, JsonNode... args) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode().add(name);
        for (JsonNode a : args) {
            data.add(a);
        }
        return new SocketPacket(SocketPacketType.EVENT, namespace, NO_ACK, data, 0);
    }

    /** The answer to an event that carried {@code ackId}. */
    public static SocketPacket ack(String namespace, long ackId, ArrayNode args) {
        return new SocketPacket(SocketPacketType.ACK, namespace, ackId, args, 0);
    }

    /** For an event: its name (the array's first element). */
    public String eventName() {
        return data != null && data.isArray() && data.size() > 0 ? data.get(0).asText() : null;
    }

    /** For an event: the arguments after the name; for an ack: all of them. */
    public ArrayNode args() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (data != null && data.isArray()) {
            for (int i = type.isEvent() ? 1 : 0; i < data.size(); i++) {
                out.add(data.get(i));
            }
        }
        return out;
    }
}
