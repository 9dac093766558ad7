package io.skyspy.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoders for the small per-connection replies ({@code subscribed}, {@code pong}, {@code error},
 * {@code response}, cannonball's {@code threats}). Broadcast frames are encoded once per node by {@link AircraftFrames}.
 */
public final class ServerMessages {
    private static final byte[] PONG = "{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8);

    private ServerMessages() {}

    public static byte[] pong() {
        return PONG;
    }

    public static byte[] subscribed(Collection<String> topics, Collection<String> invalid) {
        return topicsReply("subscribed", topics, invalid);
    }

    public static byte[] unsubscribed(Collection<String> topics, Collection<String> invalid) {
        return topicsReply("unsubscribed", topics, invalid);
    }

    /** {@code {"type":...,"topics":[...]}}; topics the endpoint does not know are listed under {@code invalid_topics}. */
    private static byte[] topicsReply(String type, Collection<String> topics, Collection<String> invalid) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            writeArray(g, "topics", topics);
            if (!invalid.isEmpty()) {
                writeArray(g, "invalid_topics", invalid);
            }
            g.writeEndObject();
        });
    }

    private static void writeArray(com.fasterxml.jackson.core.JsonGenerator g, String name, Collection<String> items)
            throws java.io.IOException {
        g.writeArrayFieldStart(name);
        for (String t : items) {
            g.writeString(t);
        }
        g.writeEndArray();
    }

    /**
     * {@code {"type":"error","message":...,"request_id":...}}.
     *
     * @param detailField name of the extra field that says what exactly was wrong, or null
     */
    public static byte[] error(String message, String requestId, String detailField, String detail) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "error");
            g.writeStringField("message", message);
            if (requestId != null) {
                g.writeStringField("request_id", requestId);
            }
            if (detailField != null && detail != null) {
                g.writeStringField(detailField, detail);
            }
            g.writeEndObject();
        });
    }

    public static byte[] error(String message, String requestId) {
        return error(message, requestId, null, null);
    }

    /** Errors of a decoded frame: the detail goes into a field named after what it describes. */
    public static byte[] error(ClientMessage.Invalid invalid) {
        String field = switch (invalid.message()) {
            case ErrorMessages.MISSING_PARAMETER -> "parameter";
            case ErrorMessages.UNKNOWN_ACTION -> "action";
            case ErrorMessages.UNKNOWN_REQUEST_TYPE -> "request_type";
            default -> "detail";
        };
        return error(invalid.message(), invalid.requestId(), field, invalid.detail());
    }

    /** {@code {"type":"response","request_id":R,"request_type":T,"data":...}}; data is any Jackson value. */
    public static byte[] response(String requestId, String requestType, Object data) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "response");
            if (requestId != null) {
                g.writeStringField("request_id", requestId);
            }
            g.writeStringField("request_type", requestType);
            g.writeFieldName("data");
            g.writeObject(data);
            g.writeEndObject();
        });
    }

    /**
     * Cannonball: {@code {"type":"threats","data":[...],"count":N,"position":{"lat":..,"lon":..},"timestamp":..}}.
     *
     * @param position the user's position, or null before the first one
     */
    public static byte[] threats(List<?> threats, Map<String, Object> position, long atMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "threats");
        return Json.bytes((Object) threatsFields(m, "data", threats, position, atMillis));
    }

    /** A {@code threats} request's {@code data}: the threats, their count, the position and the time. */
    public static Map<String, Object> threatsData(List<?> threats, Map<String, Object> position, long atMillis) {
        return threatsFields(new LinkedHashMap<>(), "threats", threats, position, atMillis);
    }

    private static Map<String, Object> threatsFields(Map<String, Object> m, String listName, List<?> threats,
            Map<String, Object> position, long atMillis) {
        m.put(listName, threats);
        m.put("count", threats.size());
        m.put("position", position);
        m.put("timestamp", Timestamps.iso(atMillis));
        return m;
    }

    /** Cannonball's first message: {@code {"type":"session_started","session_id":S}}. */
    public static byte[] sessionStarted(String sessionId) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "session_started");
            g.writeStringField("session_id", sessionId);
            g.writeEndObject();
        });
    }

    /** Cannonball: {@code {"type":"radius_updated","radius_nm":R}}. */
    public static byte[] radiusUpdated(double radiusNm) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "radius_updated");
            g.writeNumberField("radius_nm", radiusNm);
            g.writeEndObject();
        });
    }

    /** A server message {@code {"type":T,"data":...}} for events that are not batched. */
    public static byte[] event(String type, Object data) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeFieldName("data");
            g.writeObject(data);
            g.writeEndObject();
        });
    }
}
