package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.FakeSbsSource;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spine end to end: a fake SBS receiver on a real socket, the real server, real WebSocket
 * clients. What the feed says must arrive, as new, then deltas with the same values, then a
 * removal after silence.
 */
class AircraftStreamE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static FakeSbsSource sbs;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        sbs = new FakeSbsSource();
        server = TestServer.fedBy(sbs, "skyspy.aircraft.remove-after = 1500ms\n");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        sbs.close();
    }

    private static JsonNode awaitBatchMessage(WsClient c, String type, String hex) {
        WsClient.Received r = c.await(m -> m.json() != null && "batch".equals(m.json().path("type").asText())
                && find(m.json(), type, hex) != null, WAIT);
        JsonNode batch = r.json();
        assertEquals(batch.get("count").asInt(), batch.get("messages").size(), "count == messages.length");
        assertTrue(batch.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        return find(batch, type, hex);
    }

    private static JsonNode find(JsonNode batch, String type, String hex) {
        for (JsonNode m : batch.get("messages")) {
            if (type.equals(m.path("type").asText()) && hex.equals(m.path("data").path("hex").asText())) {
                return m.get("data");
            }
        }
        return null;
    }

    @Test
    void snapshotOnConnectThenNewDeltaAndRemoveWithTheFeedsValues() {
        try (WsClient client = WsClient.connect(server.ws("/ws/all/"))) {
            JsonNode first = client.await(r -> true, WAIT).json();
            assertEquals("aircraft:snapshot", first.get("type").asText(), "the first message is the snapshot");
            assertTrue(first.get("data").get("aircraft").isArray());

            sbs.send(FakeSbsSource.identity("A1B2C3", "SWA1234 "), FakeSbsSource.position("A1B2C3", 35000, 33.9425, -118.4081),
                    FakeSbsSource.velocity("A1B2C3", 450, 270, 0), FakeSbsSource.squawk("A1B2C3", "1200", false));
            JsonNode created = awaitBatchMessage(client, "aircraft:new", "A1B2C3");
            // the new message may already carry every field, or later deltas complete it
            sbs.send(FakeSbsSource.position("A1B2C3", 35100, 33.9430, -118.4090));
            JsonNode changes = awaitBatchMessage(client, "aircraft:delta", "A1B2C3").get("changes");
            assertEquals(35100, changes.get("alt_baro").asInt());
            assertEquals(33.9430, changes.get("lat").asDouble(), 1e-9);
            assertEquals(-118.4090, changes.get("lon").asDouble(), 1e-9);
            assertFalse(changes.has("flight"), "unchanged fields are not repeated: " + changes);
            assertEquals("A1B2C3", created.get("hex").asText());

            JsonNode removed = awaitBatchMessage(client, "aircraft:remove", "A1B2C3");
            assertEquals("timeout", removed.get("reason").asText());
        }
    }

    @Test
    void aSecondClientGetsTheAircraftInItsSnapshot() {
        sbs.send(FakeSbsSource.identity("C0FFEE", "DAL456"), FakeSbsSource.position("C0FFEE", 12000, 34.05, -118.25));
        try (WsClient watcher = WsClient.connect(server.ws("/ws/aircraft/"))) {
            awaitBatchMessage(watcher, "aircraft:new", "C0FFEE");
        }
        try (WsClient late = WsClient.connect(server.ws("/ws/aircraft/"))) {
            JsonNode snap = late.awaitType("aircraft:snapshot", WAIT).get("data");
            boolean found = false;
            for (JsonNode a : snap.get("aircraft")) {
                if (a.get("hex").asText().equals("C0FFEE")) {
                    found = true;
                    assertEquals("DAL456", a.get("flight").asText());
                    assertEquals(12000, a.get("alt_baro").asInt());
                    assertEquals(34.05, a.get("lat").asDouble(), 1e-9);
                    assertTrue(a.has("distance_nm"));
                }
            }
            assertTrue(found, "snapshot holds C0FFEE: " + snap);
            assertEquals(snap.get("count").asInt(), snap.get("aircraft").size());
        }
    }

    @Test
    void garbageOnTheFeedIsCountedAndTheFeedKeepsGoing() {
        long before = server.server().feeds().get(0).rejected();
        try (WsClient client = WsClient.connect(server.ws("/ws/all/"))) {
            sbs.send("garbage,,,", "MSG,3,1,1,ZZZZZZ,1,,,,,,35000,,,91.0,0,,,,,,0", "MSG,3,1,1,ABCDEF,1,,,,,,,,,999,999,,,,,,");
            sbs.send(FakeSbsSource.position("BEEF01", 9000, 34.0, -118.0));
            awaitBatchMessage(client, "aircraft:new", "BEEF01");
        }
        assertTrue(server.server().feeds().get(0).rejected() > before);
    }
}
