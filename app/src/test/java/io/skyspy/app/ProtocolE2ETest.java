package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.CloseCodes;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Actions, requests and every error of the spec's table, against the real server and simulator. */
class ProtocolE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 30
                skyspy.websocket.max-message-size = 64 KiB
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ping(WsClient c) {
        c.send("{\"action\":\"ping\"}");
        return c.awaitType("pong", WAIT);
    }

    private static JsonNode error(WsClient c) {
        return c.awaitType("error", WAIT);
    }

    @Test
    void subscribeUnsubscribeAndPing() {
        try (WsClient c = WsClient.connect(server.ws("/ws/all/?topics=safety"))) {
            c.send("{\"action\":\"subscribe\",\"topics\":[\"aircraft\",\"bogus\"]}");
            JsonNode sub = c.awaitType("subscribed", WAIT);
            assertEquals("aircraft", sub.get("topics").get(0).asText());
            assertEquals("bogus", sub.get("invalid_topics").get(0).asText());
            c.await(r -> r.json() != null && "batch".equals(r.json().path("type").asText()), WAIT);
            c.send("{\"action\":\"unsubscribe\",\"topics\":[\"aircraft\"]}");
            assertEquals("aircraft", c.awaitType("unsubscribed", WAIT).get("topics").get(0).asText());
            assertEquals("pong", ping(c).get("type").asText());
        }
    }

    @Test
    void everyErrorOfTheTableAndTheConnectionSurvives() {
        try (WsClient c = WsClient.connect(server.ws("/ws/aircraft/"))) {
            c.send("{not json");
            assertEquals("Invalid JSON format", error(c).get("message").asText());
            c.send("{\"action\":\"teleport\"}");
            JsonNode unknown = error(c);
            assertEquals("Unknown action", unknown.get("message").asText());
            assertEquals("teleport", unknown.get("action").asText());
            c.send("{\"action\":\"request\",\"type\":\"weather-on-mars\",\"request_id\":\"r1\"}");
            JsonNode unknownType = error(c);
            assertEquals("Unknown request type", unknownType.get("message").asText());
            assertEquals("r1", unknownType.get("request_id").asText());
            c.send("{\"action\":\"request\",\"type\":\"aircraft-info\",\"request_id\":\"r2\",\"params\":{}}");
            JsonNode missing = error(c);
            assertEquals("Missing parameter", missing.get("message").asText());
            assertEquals("r2", missing.get("request_id").asText());
            c.send("{\"action\":\"subscribe\"}");
            assertEquals("Missing parameter", error(c).get("message").asText());
            c.sendBinary(new byte[] {1, 2, 3});
            assertEquals("Binary frames are not supported", error(c).get("message").asText());
            assertEquals("pong", ping(c).get("type").asText());
            assertFalse(c.closed());
        }
    }

    @Test
    void oversizedMessageGetsTheErrorThenA1009Close() {
        try (WsClient c = WsClient.connect(server.ws("/ws/all/"))) {
            c.send("{\"action\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals("Message too large", error(c).get("message").asText());
            assertEquals(CloseCodes.MESSAGE_TOO_BIG, c.awaitClose(WAIT));
        }
        try (WsClient other = WsClient.connect(server.ws("/ws/all/"))) {
            assertEquals("pong", ping(other).get("type").asText());
        }
    }

    @Test
    void aircraftRequests() {
        try (WsClient c = WsClient.connect(server.ws("/ws/aircraft/"))) {
            JsonNode snap = c.awaitType("aircraft:snapshot", WAIT);
            c.await(r -> r.json() != null && "batch".equals(r.json().path("type").asText()), WAIT);
            c.send("{\"action\":\"request\",\"type\":\"aircraft_list\",\"request_id\":\"l1\",\"params\":{\"min_altitude\":1000}}");
            JsonNode list = c.awaitType("response", WAIT);
            assertEquals("l1", list.get("request_id").asText());
            assertEquals("aircraft_list", list.get("request_type").asText());
            assertTrue(list.get("data").get("count").asInt() > 0);
            for (JsonNode a : list.get("data").get("aircraft")) {
                assertTrue(a.get("alt_baro").isInt() && a.get("alt_baro").asInt() >= 1000, a.toString());
            }
            String hex = list.get("data").get("aircraft").get(0).get("hex").asText();

            c.send("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"a1\",\"params\":{\"icao\":\"" + hex + "\"}}");
            JsonNode one = c.awaitType("response", WAIT);
            assertEquals(hex, one.get("data").get("hex").asText());
            assertTrue(one.get("data").get("track_history").isArray());

            c.send("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"a2\",\"params\":{\"icao\":\"000001\"}}");
            JsonNode notFound = error(c);
            assertEquals("Aircraft not found", notFound.get("message").asText());
            assertEquals("a2", notFound.get("request_id").asText());

            c.send("{\"action\":\"request\",\"type\":\"aircraft-stats\",\"request_id\":\"s1\"}");
            JsonNode stats = c.awaitType("response", WAIT).get("data");
            assertTrue(stats.get("total").asInt() > 0);
            assertTrue(stats.has("altitude") && stats.has("categories") && stats.has("military"));

            c.send("{\"action\":\"request\",\"type\":\"aircraft-info-bulk\",\"request_id\":\"b1\",\"params\":{\"icaos\":[\"" + hex + "\",\"zz\"]}}");
            assertEquals("b1", c.awaitType("response", WAIT).get("request_id").asText());
            assertTrue(snap.get("data").get("count").asInt() >= 0);
        }
    }

    @Test
    void unknownPathsAre404AndHealthIsJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(server.http("/ws/nowhere/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(server.http("/nothing")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.http("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        JsonNode h = io.skyspy.protocol.Json.MAPPER.readTree(health.body());
        assertTrue(h.get("up").asBoolean());
        assertTrue(h.has("aircraft_count") && h.has("connections") && h.get("feeds").isArray());
        assertEquals("sim", h.get("feeds").get(0).get("name").asText());
    }
}
