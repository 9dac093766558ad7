package io.skyspy.protocol.socketio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineCodecTest {

    @Test
    void decodesEveryPacketType() {
        for (EnginePacketType t : EnginePacketType.values()) {
            Decoded<EnginePacket> d = EngineCodec.decode(t.code() + "x");
            assertTrue(d.isOk());
            assertEquals(t, d.value().type());
            assertEquals("x", d.value().data());
        }
        assertEquals(EnginePacket.PROBE, EngineCodec.decode("2probe").value());
        assertEquals(EnginePacket.message(""), EngineCodec.decode("4").value());
    }

    @Test
    void refusesUnknownTypesAndEmptyPackets() {
        assertFalse(EngineCodec.decode("").isOk());
        assertFalse(EngineCodec.decode(null).isOk());
        assertFalse(EngineCodec.decode("7").isOk());
        assertFalse(EngineCodec.decode("abc").isOk());
        assertFalse(EngineCodec.decode("\u0000").isOk());
        assertFalse(EngineCodec.decode("b!!not-base64").isOk());
    }

    @Test
    void payloadsSplitOnTheRecordSeparatorWithBase64Binary() {
        List<EnginePacket> ps = EngineCodec.decodePayload("4hello\u001ebAQIDBA==\u001e3").value();
        assertEquals(3, ps.size());
        assertEquals(EnginePacket.message("hello"), ps.get(0));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, ps.get(1).binary());
        assertEquals(EnginePacket.PONG, ps.get(2));
        assertEquals("4hello\u001ebAQIDBA==\u001e3", EngineCodec.encodePayload(ps));
    }

    @Test
    void oneBadPacketRefusesTheWholePayload() {
        assertFalse(EngineCodec.decodePayload("4a\u001eabc").isOk());
        assertFalse(EngineCodec.decodePayload("4a\u001e").isOk());
        assertFalse(EngineCodec.decodePayload("\u001e4a").isOk());
        assertFalse(EngineCodec.decodePayload("").isOk());
    }

    @Test
    void textSurvivesUnicode() {
        String s = "4h\u00e9llo \u2708 \uD83D\uDE80";
        assertEquals(s, EngineCodec.encode(EngineCodec.decode(s).value()));
    }

    @Test
    void handshakeHasExactlyTheProtocolsKeysInOrder() throws Exception {
        EnginePacket open = new Handshake("abc", List.of("websocket"), 25000, 20000, 1000000).packet();
        assertEquals(EnginePacketType.OPEN, open.type());
        assertEquals("{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,"
                + "\"maxPayload\":1000000}", open.data());
    }

    @Test
    void errorsAreTheProtocolsJson() throws Exception {
        JsonNode n = Json.MAPPER.readTree(EngineError.UNKNOWN_SID.json());
        assertEquals(1, n.get("code").asInt());
        assertEquals("Session ID unknown", n.get("message").asText());
        assertEquals(400, EngineError.UNKNOWN_SID.httpStatus());
        assertEquals(403, EngineError.FORBIDDEN.httpStatus());
    }
}
