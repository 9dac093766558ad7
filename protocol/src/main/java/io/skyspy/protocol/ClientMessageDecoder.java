package io.skyspy.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes client frames into {@link ClientMessage}s. Never throws: anything that is not a valid
 * request becomes {@link ClientMessage.Invalid} with the spec's error text.
 */
public final class ClientMessageDecoder {
    /** As the original server: documents nested deeper than this are rejected as invalid JSON. */
    public static final int MAX_NESTING = 50;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    private ClientMessageDecoder() {}

    public static ClientMessage decode(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return new ClientMessage.Invalid(ErrorMessages.INVALID_JSON, null, null);
        }
        if (root == null || !root.isObject()) {
            return new ClientMessage.Invalid(ErrorMessages.INVALID_JSON, null, null);
        }
        String requestId = textOrNull(root.get("request_id"));
        JsonNode actionNode = root.get("action");
        if (actionNode == null || actionNode.isNull()) {
            // spec 004's in-band auth and spec 000's cannonball messages are keyed by type
            String type = textOrNull(root.get("type"));
            return switch (type == null ? "" : type) {
                case "auth" -> auth(root, requestId);
                case "position_update", "set_radius", "get_threats" -> cannonball(type, root, requestId);
                default -> new ClientMessage.Invalid(ErrorMessages.UNKNOWN_ACTION, requestId, null);
            };
        }
        String action = actionNode.isTextual() ? actionNode.asText() : actionNode.toString();
        return switch (action) {
            case "subscribe" -> topics(root, requestId, true);
            case "unsubscribe" -> topics(root, requestId, false);
            case "ping" -> new ClientMessage.Ping();
            case "request" -> request(root, requestId);
            case "auth" -> auth(root, requestId);
            // Socket.IO's emit("position_update", {...}) arrives keyed by action
            case "position_update", "set_radius", "get_threats" -> cannonball(action, root, requestId);
            default -> new ClientMessage.Invalid(ErrorMessages.UNKNOWN_ACTION, requestId, truncate(action));
        };
    }

    private static ClientMessage cannonball(String kind, JsonNode root, String requestId) {
        switch (kind) {
            case "position_update" -> {
                JsonNode lat = root.get("lat");
                JsonNode lon = root.get("lon");
                if (!number(lat, -90, 90)) {
                    return new ClientMessage.Invalid(ErrorMessages.MISSING_PARAMETER, requestId, "lat");
                }
                if (!number(lon, -180, 180)) {
                    return new ClientMessage.Invalid(ErrorMessages.MISSING_PARAMETER, requestId, "lon");
                }
                JsonNode heading = root.get("heading");
                boolean hasHeading = number(heading, -360, 360);
                return new ClientMessage.PositionUpdate(lat.asDouble(), lon.asDouble(), hasHeading ? heading.asDouble() : null);
            }
            case "set_radius" -> {
                JsonNode radius = root.get("radius_nm");
                if (!number(radius, 0, Double.MAX_VALUE) || radius.asDouble() == 0) {
                    return new ClientMessage.Invalid(ErrorMessages.MISSING_PARAMETER, requestId, "radius_nm");
                }
                return new ClientMessage.SetRadius(radius.asDouble());
            }
            default -> {
                return new ClientMessage.GetThreats();
            }
        }
    }

    /** A finite JSON number within [min, max]. */
    private static boolean number(JsonNode n, double min, double max) {
        return n != null && n.isNumber() && Double.isFinite(n.asDouble()) && n.asDouble() >= min && n.asDouble() <= max;
    }

    private static ClientMessage topics(JsonNode root, String requestId, boolean subscribe) {
        JsonNode node = root.get("topics");
        List<String> topics = new ArrayList<>();
        if (node != null && node.isTextual()) {
            topics.add(node.asText());
        } else if (node != null && node.isArray()) {
            for (JsonNode t : node) {
                if (!t.isTextual()) {
                    return new ClientMessage.Invalid(ErrorMessages.MISSING_PARAMETER, requestId, "topics");
                }
                topics.add(t.asText());
            }
        }
        if (topics.isEmpty()) {
            return new ClientMessage.Invalid(ErrorMessages.MISSING_PARAMETER, requestId, "topics");
        }
        return subscribe ? new ClientMessage.Subscribe(topics) : new ClientMessage.Unsubscribe(topics);
    }

    private static ClientMessage request(JsonNode root, String requestId) {
        String type = textOrNull(root.get("type"));
        if (type == null || type.isEmpty()) {
            return new ClientMessage.Invalid(ErrorMessages.MISSING_PARAMETER, requestId, "type");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (!k.equals("action") && !k.equals("type") && !k.equals("request_id") && !k.equals("params")) {
                params.put(k, MAPPER.convertValue(e.getValue(), Object.class));
            }
        });
        JsonNode p = root.get("params");
        if (p != null && p.isObject()) {
            p.fields().forEachRemaining(e -> params.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class)));
        }
        return new ClientMessage.Request(type, requestId, params);
    }

    private static ClientMessage auth(JsonNode root, String requestId) {
        String token = textOrNull(root.get("token"));
        if (token == null || token.isEmpty()) {
            return new ClientMessage.Invalid(ErrorMessages.MISSING_PARAMETER, requestId, "token");
        }
        return new ClientMessage.Auth(token);
    }

    private static String textOrNull(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }
}
