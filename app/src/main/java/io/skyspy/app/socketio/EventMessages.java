package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyspy.protocol.ClientMessage;
import io.skyspy.protocol.ClientMessageDecoder;
import io.skyspy.protocol.Json;

/**
 * Socket.IO client events as the raw API's client messages: {@code emit(name, {...})} is
 * {@code {"action":name,...}}, so every action keeps one decoder, one set of rules and one set of
 * error texts. {@code subscribe} and {@code unsubscribe} also take the topics directly
 * ({@code emit("subscribe", ["aircraft"])} or {@code "aircraft"}).
 */
final class EventMessages {
    private EventMessages() {}

    static ClientMessage decode(String event, JsonNode arg) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (arg != null && arg.isObject()) {
            o.setAll((ObjectNode) arg);
        } else if (arg != null && (arg.isArray() || arg.isTextual())
                && (event.equals("subscribe") || event.equals("unsubscribe"))) {
            o.set("topics", arg);
        }
        // set last: the event name is the action, whatever the payload says
        o.put("action", event);
        return ClientMessageDecoder.decode(o.toString());
    }
}
