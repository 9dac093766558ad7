package io.skyspy.protocol.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerEventsTest {

    private static String event(String json, String ns) {
        return new String(ServerEvents.eventPacket(json.getBytes(StandardCharsets.UTF_8), ns), StandardCharsets.UTF_8);
    }

    @Test
    void typeAndDataBecomeNameAndPayload() {
        assertEquals("42[\"aircraft:snapshot\",{\"aircraft\":[],\"count\":0}]",
                event("{\"type\":\"aircraft:snapshot\",\"data\":{\"aircraft\":[],\"count\":0}}", "/"));
        assertEquals("42/audio,[\"audio:snapshot\",[1,2]]", event("{\"data\":[1,2],\"type\":\"audio:snapshot\"}", "/audio"));
    }

    @Test
    void otherMessagesKeepEverythingButTheType() {
        assertEquals("42[\"batch\",{\"messages\":[{\"type\":\"aircraft:delta\",\"data\":{\"hex\":\"a\"}}],\"seq\":3,\"count\":1}]",
                event("{\"type\":\"batch\",\"messages\":[{\"type\":\"aircraft:delta\",\"data\":{\"hex\":\"a\"}}],\"seq\":3,\"count\":1}", "/"));
        assertEquals("42[\"response\",{\"request_id\":\"r1\",\"data\":{\"a\":\"x,y\"}}]",
                event("{\"type\":\"response\",\"request_id\":\"r1\",\"data\":{\"a\":\"x,y\"}}", "/"));
        assertEquals("42[\"pong\",{}]", event("{\"type\":\"pong\"}", "/"));
        // whitespace inside a field is copied as is; between fields it is dropped
        assertEquals("42/cannonball,[\"session_started\",{\"session_id\" : \"abc\"}]",
                event("{ \"type\" : \"session_started\" , \"session_id\" : \"abc\" }", "/cannonball"));
    }

    @Test
    void escapedAndUnicodeTextIsCopiedAsIs() {
        assertEquals("42[\"a\\\"b\",{\"m\":\"\u00e9\\n\\u0000,}\"}]",
                event("{\"type\":\"a\\\"b\",\"m\":\"\u00e9\\n\\u0000,}\"}", "/"));
    }

    @Test
    void anythingElseIsAMessageEvent() {
        assertEquals("42[\"message\",[1]]", event("[1]", "/"));
        assertEquals("42[\"message\",{\"type\":3}]", event("{\"type\":3}", "/"));
    }
}
