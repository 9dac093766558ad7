package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.CloseCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A readsb aircraft.json endpoint on loopback as the only feed; and what a client sees on shutdown. */
class FeedsE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static HttpServer aircraftJson(String body) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/data/aircraft.json", exchange -> {
            byte[] bytes = body.replace("NOW", String.valueOf(System.currentTimeMillis() / 1000.0))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
        return http;
    }

    @Test
    void aircraftFromAPolledAircraftJsonReachTheClientAndShutdownSays1001() throws Exception {
        HttpServer http = aircraftJson("""
                {"now": NOW, "messages": 100, "aircraft": [
                  {"hex":"a1b2c3","flight":"UAL456  ","alt_baro":5000,"gs":210.5,"track":90.0,"lat":34.0522,"lon":-118.2437,
                   "squawk":"4321","category":"A3","seen":0.1,"seen_pos":0.2,"rssi":-12.3,"type":"adsb_icao"},
                  {"hex":"adf7c9","alt_baro":"ground","lat":33.94,"lon":-118.40,"dbFlags":1,"seen":0.5,"seen_pos":0.5},
                  {"hex":"zzzzzz","lat":91,"lon":0}
                ]}
                """);
        TestServer server = TestServer.start("skyspy.feeds = [\"readsb:http://127.0.0.1:%d/data/aircraft.json\"]\n"
                .formatted(http.getAddress().getPort()) + "skyspy.feed.poll-interval = 200ms\n");
        try (WsClient c = WsClient.connect(server.ws("/ws/aircraft/"))) {
            Map<String, JsonNode> seen = new HashMap<>();
            // the first poll may land before the client attaches: then the aircraft come in its
            // snapshot (or the periodic update) instead of as aircraft:new in a batch
            c.await(r -> {
                for (JsonNode m : r.json().path("messages")) {
                    if ("aircraft:new".equals(m.path("type").asText())) {
                        seen.put(m.get("data").get("hex").asText(), m.get("data"));
                    }
                }
                for (JsonNode a : r.json().path("data").path("aircraft")) {
                    seen.put(a.get("hex").asText(), a);
                }
                return seen.size() >= 2;
            }, WAIT);
            JsonNode ual = seen.get("A1B2C3");
            assertEquals("UAL456", ual.get("flight").asText());
            assertEquals(5000, ual.get("alt_baro").asInt());
            assertEquals(210.5, ual.get("gs").asDouble());
            assertEquals("A3", ual.get("category").asText());
            JsonNode mil = seen.get("ADF7C9");
            assertEquals("ground", mil.get("alt_baro").asText());
            assertTrue(mil.get("is_military").asBoolean());
            assertTrue(server.server().feeds().get(0).rejected() >= 1, "the impossible aircraft was counted");

            server.close();
            assertEquals(CloseCodes.GOING_AWAY, c.awaitClose(WAIT));
        } finally {
            http.stop(0);
        }
    }
}
