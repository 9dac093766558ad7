package io.skyspy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientMessageDecoderTest {

    @Test
    void subscribeWithTopicList() {
        ClientMessage m = ClientMessageDecoder.decode("{\"action\":\"subscribe\",\"topics\":[\"aircraft\",\"safety\"]}");
        assertEquals(new ClientMessage.Subscribe(List.of("aircraft", "safety")), m);
    }

    @Test
    void singleTopicStringIsAccepted() {
        assertEquals(new ClientMessage.Unsubscribe(List.of("stats")),
                ClientMessageDecoder.decode("{\"action\":\"unsubscribe\",\"topics\":\"stats\"}"));
    }

    @Test
    void subscribeWithoutTopicsIsMissingParameter() {
        ClientMessage.Invalid i = assertInstanceOf(ClientMessage.Invalid.class,
                ClientMessageDecoder.decode("{\"action\":\"subscribe\"}"));
        assertEquals(ErrorMessages.MISSING_PARAMETER, i.message());
        assertEquals("topics", i.detail());
    }

    @Test
    void cannonballMessagesAreKeyedByTypeOrByAction() {
        assertEquals(new ClientMessage.PositionUpdate(34.05, -118.25, 90.0),
                ClientMessageDecoder.decode("{\"type\":\"position_update\",\"lat\":34.05,\"lon\":-118.25,\"heading\":90,\"accuracy\":5}"));
        assertEquals(new ClientMessage.PositionUpdate(34.05, -118.25, null),
                ClientMessageDecoder.decode("{\"action\":\"position_update\",\"lat\":34.05,\"lon\":-118.25}"));
        assertEquals(new ClientMessage.SetRadius(15), ClientMessageDecoder.decode("{\"type\":\"set_radius\",\"radius_nm\":15}"));
        assertEquals(new ClientMessage.GetThreats(), ClientMessageDecoder.decode("{\"type\":\"get_threats\"}"));
    }

    @Test
    void cannonballPositionsAndRadiiOutOfRangeAreMissingParameters() {
        for (String[] bad : new String[][] {
                {"{\"type\":\"position_update\",\"lon\":-118.25}", "lat"},
                {"{\"type\":\"position_update\",\"lat\":91,\"lon\":0}", "lat"},
                {"{\"type\":\"position_update\",\"lat\":\"34\",\"lon\":0}", "lat"},
                {"{\"type\":\"position_update\",\"lat\":34,\"lon\":-180.5}", "lon"},
                {"{\"type\":\"set_radius\",\"radius_nm\":0}", "radius_nm"},
                {"{\"type\":\"set_radius\",\"radius_nm\":-5}", "radius_nm"},
                {"{\"type\":\"set_radius\"}", "radius_nm"}}) {
            ClientMessage.Invalid i = assertInstanceOf(ClientMessage.Invalid.class, ClientMessageDecoder.decode(bad[0]), bad[0]);
            assertEquals(ErrorMessages.MISSING_PARAMETER, i.message());
            assertEquals(bad[1], i.detail(), bad[0]);
        }
    }

    @Test
    void requestKeepsIdTypeAndParams() {
        ClientMessage.Request r = assertInstanceOf(ClientMessage.Request.class, ClientMessageDecoder.decode(
                "{\"action\":\"request\",\"type\":\"aircraft-info\",\"request_id\":\"req_1\",\"params\":{\"icao\":\"A1B2C3\"}}"));
        assertEquals("aircraft-info", r.type());
        assertEquals("req_1", r.requestId());
        assertEquals("A1B2C3", r.params().get("icao"));
    }

    @Test
    void requestWithoutTypeIsMissingParameterWithItsId() {
        ClientMessage.Invalid i = assertInstanceOf(ClientMessage.Invalid.class,
                ClientMessageDecoder.decode("{\"action\":\"request\",\"request_id\":\"x\"}"));
        assertEquals(ErrorMessages.MISSING_PARAMETER, i.message());
        assertEquals("x", i.requestId());
    }

    @Test
    void pingAndAuth() {
        assertInstanceOf(ClientMessage.Ping.class, ClientMessageDecoder.decode("{\"action\":\"ping\"}"));
        assertEquals(new ClientMessage.Auth("tok"), ClientMessageDecoder.decode("{\"type\":\"auth\",\"token\":\"tok\"}"));
        assertEquals(new ClientMessage.Auth("tok"), ClientMessageDecoder.decode("{\"action\":\"auth\",\"token\":\"tok\"}"));
    }

    @Test
    void hostileInputNeverThrows() {
        for (String s : List.of("", "{", "null", "[1,2]", "\"x\"", "42", "{\"action\":42}", "{\"action\":{\"a\":1}}",
                "{\"action\":\"subscribe\",\"topics\":[1,2]}", "\u0000\u0001", "{\"action\":\"x\"".repeat(100))) {
            assertInstanceOf(ClientMessage.class, ClientMessageDecoder.decode(s));
        }
        assertEquals(ErrorMessages.INVALID_JSON, ((ClientMessage.Invalid) ClientMessageDecoder.decode("{")).message());
        assertEquals(ErrorMessages.UNKNOWN_ACTION, ((ClientMessage.Invalid) ClientMessageDecoder.decode("{\"action\":\"fly\"}")).message());
        assertEquals(ErrorMessages.UNKNOWN_ACTION, ((ClientMessage.Invalid) ClientMessageDecoder.decode("{\"foo\":1}")).message());
    }

    @Test
    void nestingDeeperThanFiftyIsInvalidJson() {
        String deep = "{\"action\":\"ping\",\"x\":" + "[".repeat(60) + "]".repeat(60) + "}";
        assertEquals(ErrorMessages.INVALID_JSON, ((ClientMessage.Invalid) ClientMessageDecoder.decode(deep)).message());
        String ok = "{\"action\":\"ping\",\"x\":" + "[".repeat(10) + "]".repeat(10) + "}";
        assertInstanceOf(ClientMessage.Ping.class, ClientMessageDecoder.decode(ok));
    }
}
