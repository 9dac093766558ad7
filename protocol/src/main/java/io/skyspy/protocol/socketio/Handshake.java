package io.skyspy.protocol.socketio;

import io.skyspy.protocol.Json;
import java.util.List;

/**
 * The data of the Engine.IO open packet. The official suites check that it has exactly these
 * keys, so nothing else may be added here (no {@code pid}: connection state recovery is off).
 *
 * @param upgrades {@code ["websocket"]} for a polling handshake, empty for a WebSocket one
 * @param pingInterval milliseconds between the server's pings
 * @param pingTimeout milliseconds the server waits for a pong before closing
 * @param maxPayload the largest payload (bytes) the server accepts in one polling POST or frame
 */
public record Handshake(String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload) {

    public EnginePacket packet() {
        String json = new String(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("sid", sid);
            g.writeArrayFieldStart("upgrades");
            for (String u : upgrades) {
                g.writeString(u);
            }
            g.writeEndArray();
            g.writeNumberField("pingInterval", pingInterval);
            g.writeNumberField("pingTimeout", pingTimeout);
            g.writeNumberField("maxPayload", maxPayload);
            g.writeEndObject();
        }), java.nio.charset.StandardCharsets.UTF_8);
        return EnginePacket.text(EnginePacketType.OPEN, json);
    }
}
