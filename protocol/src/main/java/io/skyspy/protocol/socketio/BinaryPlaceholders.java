package io.skyspy.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Swaps binary attachments for their wire placeholders {@code {"_placeholder":true,"num":n}} and
 * back. Numbering is depth first in document order, as the official parser does, so a packet
 * echoed by the server carries its attachments in the order they arrived.
 */
public final class BinaryPlaceholders {
    private static final String PLACEHOLDER = "_placeholder";
    private static final String NUM = "num";

    private BinaryPlaceholders() {}

    /** A copy of {@code data} with every placeholder replaced by its attachment; an index out of range is an error. */
    public static Decoded<JsonNode> reconstruct(JsonNode data, List<byte[]> attachments) {
        try {
            return Decoded.ok(fill(data, attachments));
        } catch (IllegalArgumentException e) {
            return Decoded.error(e.getMessage());
        }
    }

    private static JsonNode fill(JsonNode node, List<byte[]> attachments) {
        if (node.isObject()) {
            if (node.path(PLACEHOLDER).asBoolean(false)) {
                JsonNode num = node.get(NUM);
                if (num == null || !num.isIntegralNumber() || num.asLong() < 0 || num.asLong() >= attachments.size()) {
                    throw new IllegalArgumentException("illegal attachment index");
                }
                return BinaryNode.valueOf(attachments.get(num.asInt()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), fill(e.getValue(), attachments));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode child : node) {
                out.add(fill(child, attachments));
            }
            return out;
        }
        return node;
    }

    /** A copy of {@code data} with every binary value replaced by a placeholder; the bytes are appended to {@code out}. */
    public static JsonNode deconstruct(JsonNode data, List<byte[]> out) {
        if (data.isBinary()) {
            ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
            placeholder.put(PLACEHOLDER, true);
            placeholder.put(NUM, out.size());
            out.add(((BinaryNode) data).binaryValue());
            return placeholder;
        }
        if (data.isObject()) {
            if (!containsBinary(data)) {
                return data;
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : data.properties()) {
                copy.set(e.getKey(), deconstruct(e.getValue(), out));
            }
            return copy;
        }
        if (data.isArray()) {
            if (!containsBinary(data)) {
                return data;
            }
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(data.size());
            for (JsonNode child : data) {
                copy.add(deconstruct(child, out));
            }
            return copy;
        }
        return data;
    }

    /** True when the tree holds a binary value anywhere. */
    public static boolean containsBinary(JsonNode node) {
        if (node.isBinary()) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (containsBinary(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
