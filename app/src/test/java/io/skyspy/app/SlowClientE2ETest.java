package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.RawWsClient;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.Timestamps;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading must not slow anyone else. Its own memory is bounded by design
 * (see ConnectionOutletTest); here the server must keep it open and keep the readers on time.
 */
class SlowClientE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 1000
                skyspy.simulator.update-rate-hz = 2
                skyspy.aircraft-stream.update-interval = 500ms
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int openConnections() throws Exception {
        JsonNode h = Json.MAPPER.readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.http("/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
        return h.get("connections").get("open").asInt();
    }

    @Test
    void aStalledClientDoesNotSlowTheOthers() throws Exception {
        // a client that reads nothing, with a tiny receive window, next to two that read
        try (RawWsClient stalled = new RawWsClient(server.port(), "/ws/aircraft/", "", 4096);
                WsClient a = WsClient.connect(server.ws("/ws/aircraft/?updates=false"));
                WsClient b = WsClient.connect(server.ws("/ws/aircraft/?updates=false"))) {
            long end = System.currentTimeMillis() + 5000;
            long worst = 0;
            int batches = 0;
            while (System.currentTimeMillis() < end) {
                WsClient.Received r = a.await(m -> "batch".equals(m.json().path("type").asText()), WAIT);
                long lag = r.receivedAtMillis() - Timestamps.parse(r.json().get("timestamp").asText());
                worst = Math.max(worst, lag);
                batches++;
                b.drain();
            }
            assertTrue(batches > 20, "batches: " + batches);
            assertTrue(worst < 1000, "worst batch latency for a reading client: " + worst + " ms");
            assertEquals(3, openConnections(), "the stalled client is kept, not dropped");
        }
    }
}
