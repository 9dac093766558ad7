package io.skyspy.app.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.FakeSbsSource;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Safety monitoring end to end: scripted traffic through a real SBS socket, the real server, real
 * WebSocket clients on {@code /ws/safety/} and {@code /ws/all/}.
 */
class SafetyE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static FakeSbsSource sbs;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        sbs = new FakeSbsSource();
        server = TestServer.fedBy(sbs, """
                skyspy.safety.emergency.clear-after = 300ms
                skyspy.safety.conflict.scan-interval = 200ms
                skyspy.safety.conflict.clear-after = 500ms
                """);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        sbs.close();
    }

    private static Predicate<WsClient.Received> safety(String type, String hex) {
        return r -> r.json() != null && type.equals(r.json().path("type").asText())
                && hex.equals(r.json().path("data").path("icao_hex").asText());
    }

    private static long count(List<WsClient.Received> seen, String type, String hex) {
        return seen.stream().filter(safety(type, hex)).count();
    }

    @Test
    void a7700SquawkGivesExactlyOneCriticalEventWithinOneSecondOutsideAnyBatch() {
        try (WsClient safetyClient = WsClient.connect(server.ws("/ws/safety/"));
                WsClient allClient = WsClient.connect(server.ws("/ws/all/"))) {
            JsonNode snapshot = safetyClient.awaitType("safety:snapshot", WAIT);
            assertTrue(snapshot.get("data").get("events").isArray());
            allClient.awaitType("aircraft:snapshot", WAIT);
            // a ping round trip proves both sessions are attached and subscribed
            safetyClient.send("{\"action\":\"ping\"}");
            safetyClient.awaitType("pong", WAIT);
            allClient.send("{\"action\":\"ping\"}");
            allClient.awaitType("pong", WAIT);

            sbs.send(FakeSbsSource.identity("A7A7A7", "EMG700"), FakeSbsSource.position("A7A7A7", 10000, 34.05, -118.25));
            long sent = System.currentTimeMillis();
            sbs.send(FakeSbsSource.squawk("A7A7A7", "7700", true));
            WsClient.Received event = safetyClient.await(safety("safety:event", "A7A7A7"), WAIT);
            assertTrue(event.receivedAtMillis() - sent <= 1000, "within 1 s: " + (event.receivedAtMillis() - sent) + " ms");
            JsonNode data = event.json().get("data");
            assertEquals("emergency_squawk", data.get("event_type").asText());
            assertEquals("critical", data.get("severity").asText());
            assertEquals("EMG700", data.get("callsign").asText());
            assertEquals("Emergency squawk 7700 detected", data.get("message").asText());
            assertEquals("7700", data.get("details").get("squawk").asText());
            assertEquals(10000, data.get("details").get("altitude").asInt());
            assertEquals(34.05, data.get("details").get("position").get("lat").asDouble(), 1e-9);
            assertTrue(data.get("id").isNumber());
            assertTrue(data.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            WsClient.Received onAll = allClient.await(safety("safety:event", "A7A7A7"), WAIT);
            assertEquals("safety:event", onAll.json().get("type").asText(), "a top-level message, not inside a batch");

            // the emergency goes on: more reports, even the squawk repeated, are the same episode;
            // the change to 7500 is an update of it (and is ordered after everything before it)
            sbs.send(FakeSbsSource.squawk("A7A7A7", "7700", true), FakeSbsSource.position("A7A7A7", 9500, 34.06, -118.26),
                    FakeSbsSource.squawk("A7A7A7", "7700", true), FakeSbsSource.position("A7A7A7", 9000, 34.07, -118.27));
            sbs.send(FakeSbsSource.squawk("A7A7A7", "7500", true));
            JsonNode updated = safetyClient.await(safety("safety:event_updated", "A7A7A7"), WAIT).json().get("data");
            assertEquals("Emergency squawk 7500 detected", updated.get("message").asText());
            assertEquals(data.get("id").asLong(), updated.get("id").asLong(), "same episode, same id");
            allClient.await(safety("safety:event_updated", "A7A7A7"), WAIT);
            safetyClient.drain();
            allClient.drain();
            assertEquals(1, count(safetyClient.seen(), "safety:event", "A7A7A7"), "exactly one safety:event");
            assertEquals(1, count(allClient.seen(), "safety:event", "A7A7A7"), "exactly one safety:event on /ws/all/");
            for (WsClient.Received r : allClient.seen()) {
                if (r.json() != null && "batch".equals(r.json().path("type").asText())) {
                    assertFalse(r.text().contains("safety:"), "safety messages are never batched: " + r.text());
                }
            }

            // requests: active events, detail, acknowledge (broadcast), history
            safetyClient.send("{\"action\":\"request\",\"type\":\"active_events\",\"request_id\":\"a1\",\"params\":{\"severity\":\"critical\"}}");
            JsonNode active = safetyClient.awaitType("response", WAIT).get("data");
            assertTrue(active.get("count").asInt() >= 1);
            long id = data.get("id").asLong();
            safetyClient.send("{\"action\":\"request\",\"type\":\"safety-event-detail\",\"request_id\":\"d1\",\"params\":{\"event_id\":" + id + "}}");
            JsonNode detail = safetyClient.awaitType("response", WAIT).get("data");
            assertEquals(id, detail.get("id").asLong());
            assertFalse(detail.get("acknowledged").asBoolean());
            safetyClient.send("{\"action\":\"request\",\"type\":\"acknowledge\",\"request_id\":\"k1\",\"params\":{\"event_id\":\"" + id + "\"}}");
            assertTrue(safetyClient.awaitType("response", WAIT).get("data").get("acknowledged").asBoolean());
            JsonNode acked = allClient.await(r -> safety("safety:event_updated", "A7A7A7").test(r)
                    && r.json().get("data").get("acknowledged").asBoolean(), WAIT).json().get("data");
            assertEquals(id, acked.get("id").asLong());
            safetyClient.send("{\"action\":\"request\",\"type\":\"safety-event-detail\",\"request_id\":\"d2\",\"params\":{\"event_id\":999}}");
            assertEquals("Event not found", safetyClient.awaitType("error", WAIT).get("message").asText());

            // the episode ends when the squawk is back to normal for the clear-after time
            sbs.send(FakeSbsSource.squawk("A7A7A7", "1200", false));
            JsonNode resolved = safetyClient.await(safety("safety:event_resolved", "A7A7A7"), WAIT).json().get("data");
            assertEquals(id, resolved.get("id").asLong());
            assertFalse(resolved.get("active").asBoolean());
            safetyClient.send("{\"action\":\"request\",\"type\":\"event_history\",\"request_id\":\"h1\",\"params\":{\"icao\":\"a7a7a7\",\"limit\":5}}");
            JsonNode history = safetyClient.awaitType("response", WAIT).get("data");
            assertEquals(1, history.get("count").asInt());
            assertTrue(history.get("events").get(0).get("acknowledged").asBoolean());
        }
    }

    @Test
    void aConvergingPairGivesOneConflictEventNamingBoth() {
        try (WsClient c = WsClient.connect(server.ws("/ws/safety/?topics=events"))) {
            c.awaitType("safety:snapshot", WAIT);
            // head-on at FL100, 2 nm apart, 250 kt each: the closest approach is ~14 s away
            sbs.send(FakeSbsSource.identity("C0A001", "UAL123"), FakeSbsSource.identity("C0A002", "DAL456"),
                    FakeSbsSource.velocity("C0A001", 250, 90, 0), FakeSbsSource.velocity("C0A002", 250, 270, 0),
                    FakeSbsSource.position("C0A001", 10000, 35.0, -117.0), FakeSbsSource.position("C0A002", 10100, 35.0, -116.9593));
            JsonNode e = c.await(safety("safety:event", "C0A001"), WAIT).json().get("data");
            assertEquals("proximity_conflict", e.get("event_type").asText());
            assertEquals("C0A002", e.get("icao_hex_2").asText());
            assertEquals("UAL123", e.get("callsign").asText());
            assertEquals("DAL456", e.get("callsign_2").asText());
            assertTrue(e.get("details").get("predicted").asBoolean(), "warned before the conflict: " + e);
            assertTrue(e.get("message").asText().contains("UAL123") && e.get("message").asText().contains("DAL456"));

            // they close in: the same episode, at most updated
            sbs.send(FakeSbsSource.position("C0A001", 10000, 35.0, -116.985), FakeSbsSource.position("C0A002", 10100, 35.0, -116.975));
            c.await(safety("safety:event_updated", "C0A001"), WAIT);
            // and part: one resolution ends it
            sbs.send(FakeSbsSource.velocity("C0A001", 250, 270, 0), FakeSbsSource.position("C0A001", 14000, 35.0, -117.5));
            c.await(safety("safety:event_resolved", "C0A001"), WAIT);
            c.drain();
            assertEquals(1, count(c.seen(), "safety:event", "C0A001"), "one conflict event for the pair");
        }
    }

    @Test
    void theFeedToFanOutPathRunsOnItsOwnDispatcher() {
        // on the default dispatcher the hub's offers and every hop of a 7700 queue behind the
        // connections' writes; guarded here because nothing else fails when the wiring is lost
        try (WsClient c = WsClient.connect(server.ws("/ws/safety/"))) {
            c.awaitType("safety:snapshot", WAIT);
            c.send("{\"action\":\"ping\"}");
            c.awaitType("pong", WAIT);
            sbs.send(FakeSbsSource.identity("D15A7C", "DISP77"), FakeSbsSource.position("D15A7C", 8000, 34.2, -118.1),
                    FakeSbsSource.squawk("D15A7C", "7700", true));
            c.await(safety("safety:event", "D15A7C"), WAIT);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long ingestCpuNanos = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("skyspy-ingest-dispatcher"))
                .mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.getId())))
                .sum();
        assertTrue(ingestCpuNanos > 0, "no work ran on skyspy-ingest-dispatcher");
    }
}
