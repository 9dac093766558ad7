package io.skyspy.protocol;

import java.util.List;
import java.util.Map;

/**
 * What a client may send on a raw WebSocket endpoint, decoded. Every frame decodes to exactly one
 * of these; frames that are not valid requests decode to {@link Invalid} carrying the spec's error
 * text, so the connection can answer and stay open.
 */
public sealed interface ClientMessage {

    /** {@code {"action":"subscribe","topics":[...]}}. */
    record Subscribe(List<String> topics) implements ClientMessage {}

    /** {@code {"action":"unsubscribe","topics":[...]}}. */
    record Unsubscribe(List<String> topics) implements ClientMessage {}

    /** {@code {"action":"ping"}}, answered with {@code {"type":"pong"}}. */
    record Ping() implements ClientMessage {}

    /**
     * {@code {"action":"request","type":T,"request_id":R,"params":{...}}}.
     *
     * @param params the request's parameters; top-level fields other than the envelope's are
     *     accepted too, {@code params} wins on conflict
     */
    record Request(String type, String requestId, Map<String, Object> params) implements ClientMessage {}

    /** In-band authentication: {@code {"type":"auth","token":...}} or {@code {"action":"auth",...}}. */
    record Auth(String token) implements ClientMessage {}

    /** Cannonball's messages, which only the endpoints serving its threats take. */
    sealed interface Cannonball extends ClientMessage {
        /** The message's name ({@code type} on {@code /ws/}, the event on Socket.IO). */
        String name();
    }

    /**
     * Cannonball: {@code {"type":"position_update","lat":..,"lon":..,"heading":..}}, the phone's
     * GPS fix, answered with {@code threats} around it.
     *
     * @param heading degrees the user is facing or moving (threats' {@code relative_bearing}), or null
     */
    record PositionUpdate(double lat, double lon, Double heading) implements Cannonball {
        @Override
        public String name() {
            return "position_update";
        }
    }

    /** Cannonball: {@code {"type":"set_radius","radius_nm":15}}, answered with {@code radius_updated}. */
    record SetRadius(double radiusNm) implements Cannonball {
        @Override
        public String name() {
            return "set_radius";
        }
    }

    /** Cannonball: {@code {"type":"get_threats"}}, the threats around the last position again. */
    record GetThreats() implements Cannonball {
        @Override
        public String name() {
            return "get_threats";
        }
    }

    /**
     * A frame the server must answer with an error.
     *
     * @param message one of {@link ErrorMessages}
     * @param requestId the frame's {@code request_id}, when it had one
     * @param detail what exactly was wrong (the unknown action, the missing parameter), or null
     */
    record Invalid(String message, String requestId, String detail) implements ClientMessage {}
}
