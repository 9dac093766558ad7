package io.skyspy.app.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.skyspy.app.support.AuthFixture;
import io.skyspy.app.support.FakeSbsSource;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alert rules, geofences, the dashboard and webhooks end to end: rules over REST and the socket,
 * traffic through a real SBS socket, real WebSocket clients with real tokens.
 */
class AlertsE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String HOOK_SECRET = "hook-secret-for-tests";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeSbsSource sbs;
    private static TestServer server;
    private static HttpServer hooks;
    private static final List<Map<String, String>> hookRequests = new CopyOnWriteArrayList<>();
    private static final AtomicInteger hookCalls = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        sbs = new FakeSbsSource();
        hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hooks.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            hookRequests.add(Map.of("body", new String(body, StandardCharsets.UTF_8),
                    "signature", String.valueOf(ex.getRequestHeaders().getFirst("X-SkySpy-Signature")),
                    "timestamp", String.valueOf(ex.getRequestHeaders().getFirst("X-SkySpy-Timestamp"))));
            // the first attempt fails, so the delivery is retried
            int status = hookCalls.incrementAndGet() == 1 ? 500 : 200;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        hooks.start();
        server = TestServer.fedBy(sbs, """
                skyspy.auth.mode = public
                skyspy.auth.jwt.secret = "%s"
                skyspy.alerts.webhooks.enabled = true
                skyspy.alerts.webhooks.secret = "%s"
                skyspy.alerts.webhooks.min-backoff = 100ms
                """.formatted(AuthFixture.SECRET, HOOK_SECRET));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        sbs.close();
        hooks.stop(0);
    }

    // ---- helpers ----

    private static HttpResponse<String> rest(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.http(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode createRule(String body, String token) throws Exception {
        HttpResponse<String> r = rest("POST", "/api/alert-rules/", body, token);
        assertEquals(201, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static Predicate<WsClient.Received> alert(long ruleId, String hex) {
        return r -> r.json() != null && "alert:triggered".equals(r.json().path("type").asText())
                && r.json().path("data").path("rule_id").asLong() == ruleId
                && hex.equals(r.json().path("data").path("icao_hex").asText());
    }

    private static Predicate<WsClient.Received> type(String type) {
        return r -> r.json() != null && type.equals(r.json().path("type").asText());
    }

    private static JsonNode request(WsClient c, String type, String id, String params) {
        c.send("{\"action\":\"request\",\"type\":\"" + type + "\",\"request_id\":\"" + id + "\",\"params\":" + params + "}");
        return c.await(r -> r.json() != null && id.equals(r.json().path("request_id").asText()), WAIT).json();
    }

    private static void attached(WsClient c) {
        c.send("{\"action\":\"ping\"}");
        c.awaitType("pong", WAIT);
    }

    // ---- tests ----

    @Test
    void aGeofenceRuleGivesOneEntryAndOneExitAndOneAlert() throws Exception {
        try (WsClient fence = WsClient.connect(server.ws("/ws/events/geofence/"));
                WsClient dashboard = WsClient.connect(server.ws("/ws/dashboard/events/"));
                WsClient alerts = WsClient.connect(server.ws("/ws/alerts/"))) {
            JsonNode update = dashboard.awaitType("dashboard_update", WAIT);
            assertTrue(update.get("stats").has("active_geofences") && update.get("recent_events").isArray(), update.toString());
            attached(alerts);
            fence.send("{\"action\":\"ping\"}");
            fence.awaitType("pong", WAIT);

            JsonNode rule = createRule("""
                    {"name":"Test zone watch","priority":"high","cooldown_seconds":0,
                     "conditions":[{"type":"geofence","operator":"entering",
                       "value":{"shape":"circle","lat":33.0,"lon":-117.0,"radius_nm":5,"name":"Test zone","id":"zone-1"}}]}
                    """, null);
            long ruleId = rule.get("id").asLong();
            JsonNode marker = createRule("{\"name\":\"marker\",\"cooldown_seconds\":0,\"conditions\":[{\"type\":\"callsign\",\"operator\":\"eq\",\"value\":\"GEOMARK\"}]}", null);

            // outside (12 nm north), inside, still inside, outside again, then the marker
            sbs.send(FakeSbsSource.identity("AAA001", "GEO001"), FakeSbsSource.position("AAA001", 4000, 33.2, -117.0));
            sbs.send(FakeSbsSource.position("AAA001", 4000, 33.05, -117.0), FakeSbsSource.position("AAA001", 4000, 33.06, -117.0));
            sbs.send(FakeSbsSource.position("AAA001", 4000, 33.2, -117.01), FakeSbsSource.identity("AAA001", "GEOMARK"));

            JsonNode entry = fence.await(type("geofence_event"), WAIT).json();
            assertEquals("entry", entry.get("event").get("event_type").asText());
            assertEquals("AAA001", entry.get("event").get("device_id").asText());
            assertEquals("zone-1", entry.get("event").get("geofence_id").asText());
            assertEquals("Test zone", entry.get("event").get("geofence_name").asText());
            assertEquals(33.05, entry.get("event").get("location").get("latitude").asDouble(), 1e-9);
            assertTrue(entry.has("timestamp"));
            JsonNode exit = fence.await(type("geofence_event"), WAIT).json();
            assertEquals("exit", exit.get("event").get("event_type").asText());

            JsonNode triggered = alerts.await(alert(ruleId, "AAA001"), WAIT).json().get("data");
            assertEquals(Set.of("id", "rule_id", "rule_name", "icao_hex", "callsign", "message", "priority", "aircraft_data",
                    "triggered_at"), fieldNames(triggered), "exactly the spec's fields");
            assertEquals("Test zone watch", triggered.get("rule_name").asText());
            assertEquals("high", triggered.get("priority").asText());
            assertEquals("AAA001", triggered.get("aircraft_data").get("hex").asText());
            assertEquals(4000, triggered.get("aircraft_data").get("alt_baro").asInt());
            alerts.await(alert(marker.get("id").asLong(), "AAA001"), WAIT);
            // the marker came after everything else this aircraft caused; a ping flushes the geofence socket
            dashboard.await(r -> type("new_event").test(r) && r.text().contains("GEOMARK"), WAIT);
            fence.send("{\"type\":\"ping\"}");
            fence.awaitType("pong", WAIT);
            alerts.drain();
            assertEquals(2, fence.seen().stream().filter(type("geofence_event")).count(), "one entry, one exit");
            assertEquals(1, alerts.seen().stream().filter(alert(ruleId, "AAA001")).count(), "one alert for the entry");
            long crossings = dashboard.seen().stream().filter(r -> type("new_event").test(r)
                    && "geofence".equals(r.json().get("event").get("category").asText())).count();
            assertEquals(2, crossings, "the dashboard saw both crossings");
        }
    }

    @Test
    void cooldownsHoldPerRuleAndAircraft() throws Exception {
        try (WsClient alerts = WsClient.connect(server.ws("/ws/alerts/?topics=triggers"))) {
            attached(alerts);
            long low = createRule("{\"name\":\"Low altitude\",\"cooldown_seconds\":60,\"conditions\":[{\"type\":\"altitude_below\",\"value\":5000}]}", null)
                    .get("id").asLong();
            long marker = createRule("{\"name\":\"cooldown marker\",\"cooldown_seconds\":0,\"conditions\":[{\"type\":\"callsign\",\"operator\":\"eq\",\"value\":\"CDMARK\"}]}", null)
                    .get("id").asLong();
            sbs.send(FakeSbsSource.position("B00001", 3000, 34.5, -119.0), FakeSbsSource.position("B00001", 3100, 34.51, -119.0),
                    FakeSbsSource.position("B00001", 3200, 34.52, -119.0), FakeSbsSource.position("B00001", 3300, 34.53, -119.0),
                    FakeSbsSource.identity("B00001", "CDMARK"));
            alerts.await(alert(low, "B00001"), WAIT);
            alerts.await(alert(marker, "B00001"), WAIT);
            assertEquals(1, alerts.seen().stream().filter(alert(low, "B00001")).count(), "one alert within the cooldown");
            // the cooldown is per aircraft: another one fires at once
            sbs.send(FakeSbsSource.position("B00002", 3000, 34.6, -119.0));
            alerts.await(alert(low, "B00002"), WAIT);
            // on the ground is not "below 5000 ft"
            sbs.send(FakeSbsSource.msg(2, "B00003", "", "", "10", "90", "34.7", "-119.0", "", "", "", "-1"),
                    FakeSbsSource.identity("B00003", "CDMARK"));
            alerts.await(alert(marker, "B00003"), WAIT);
            assertEquals(0, alerts.seen().stream().filter(alert(low, "B00003")).count(), "taxiing traffic is not low flying");
        }
    }

    @Test
    void aPrivateRulesAlertReachesItsOwnerAndNobodyElse() throws Exception {
        String alice = AuthFixture.validJwt("user:alice");
        String bob = AuthFixture.validJwt("user:bob");
        try (WsClient a = WsClient.connect(server.ws("/ws/alerts/"), "Bearer", alice);
                WsClient b = WsClient.connect(server.ws("/ws/alerts/"), "Bearer", bob);
                WsClient anon = WsClient.connect(server.ws("/ws/all/?topics=alerts"))) {
            attached(a);
            attached(b);
            attached(anon);
            JsonNode created = request(a, "alert-rule-create", "c1", """
                    {"name":"Alice's own","visibility":"private","cooldown_seconds":600,
                     "conditions":{"logic":"OR","groups":[{"logic":"AND","conditions":[{"type":"hex","operator":"eq","value":"d00001"}]}]}}
                    """);
            assertEquals("response", created.get("type").asText(), created.toString());
            long mine = created.get("data").get("id").asLong();
            assertEquals("private", created.get("data").get("visibility").asText());
            long marker = createRule("{\"name\":\"public marker\",\"cooldown_seconds\":0,\"conditions\":[{\"type\":\"callsign\",\"operator\":\"eq\",\"value\":\"PUBMARK\"}]}", null)
                    .get("id").asLong();

            // bob cannot see it, over the socket or REST; alice can
            JsonNode bobs = request(b, "alert-rules", "l1", "{}").get("data");
            for (JsonNode r : bobs.get("rules")) {
                assertFalse(r.get("id").asLong() == mine, "bob sees alice's private rule");
            }
            JsonNode subs = request(a, "my-subscriptions", "s1", "{}").get("data");
            assertEquals(mine, subs.get("rules").get(0).get("id").asLong());
            assertEquals("alerts_user_user:alice", subs.get("channels").get(0).asText());
            assertEquals(404, rest("GET", "/api/alert-rules/" + mine + "/", null, bob).statusCode());
            assertEquals(404, rest("PATCH", "/api/alert-rules/" + mine + "/", "{\"enabled\":false}", bob).statusCode());
            assertEquals(200, rest("GET", "/api/alert-rules/" + mine + "/", null, alice).statusCode());

            sbs.send(FakeSbsSource.position("D00001", 20000, 35.5, -119.5), FakeSbsSource.identity("D00001", "PUBMARK"));
            JsonNode got = a.await(alert(mine, "D00001"), WAIT).json().get("data");
            assertEquals("Alice's own", got.get("rule_name").asText());
            a.await(alert(marker, "D00001"), WAIT);
            // the public marker was published after the private alert: whoever got the marker would have got it first
            b.await(alert(marker, "D00001"), WAIT);
            anon.await(alert(marker, "D00001"), WAIT);
            assertEquals(0, b.seen().stream().filter(alert(mine, "D00001")).count(), "bob never sees alice's alert");
            assertEquals(0, anon.seen().stream().filter(alert(mine, "D00001")).count(), "anonymous never sees it");

            // history follows the same visibility; acknowledging tells the owner
            JsonNode history = request(a, "alerts", "h1", "{\"hours\":1,\"limit\":50}").get("data");
            assertTrue(history.get("count").asInt() >= 2);
            JsonNode bobHistory = request(b, "alerts", "h2", "{\"hours\":1}").get("data");
            for (JsonNode h : bobHistory.get("alerts")) {
                assertFalse(h.get("rule_id").asLong() == mine);
            }
            long alertId = got.get("id").asLong();
            JsonNode ack = request(a, "acknowledge-alert", "k1", "{\"id\":" + alertId + "}");
            assertEquals(alertId, ack.get("data").get("ids").get(0).asLong());
            // the broadcast may overtake the response: look among what the request skipped first
            JsonNode acked = a.seen().stream().filter(type("alert:acknowledged")).findFirst()
                    .orElseGet(() -> a.await(type("alert:acknowledged"), WAIT)).json().get("data");
            assertEquals(alertId, acked.get("ids").get(0).asLong());
            assertEquals("Alert not found", request(b, "acknowledge-alert", "k2", "{\"id\":" + alertId + "}").get("message").asText());
        }
    }

    @Test
    void badRulesAreRefusedNamingTheField() throws Exception {
        HttpResponse<String> r = rest("POST", "/api/alert-rules/", """
                {"name":"bow tie","conditions":[{"type":"geofence","value":{"shape":"polygon",
                  "points":[[0,0],[0,1],[1,0],[1,1]]}}]}""", null);
        assertEquals(400, r.statusCode());
        JsonNode e = Json.MAPPER.readTree(r.body());
        assertEquals("Invalid rule", e.get("error").asText());
        assertEquals("conditions[0].value.points", e.get("field").asText());
        assertTrue(e.get("detail").asText().contains("intersects itself"), e.toString());

        JsonNode noName = Json.MAPPER.readTree(rest("POST", "/api/alert-rules/", "{\"conditions\":[{\"type\":\"military\"}]}", null).body());
        assertEquals("name", noName.get("field").asText());
        JsonNode anonPrivate = Json.MAPPER.readTree(rest("POST", "/api/alert-rules/",
                "{\"name\":\"x\",\"visibility\":\"private\",\"conditions\":[{\"type\":\"military\"}]}", null).body());
        assertEquals("visibility", anonPrivate.get("field").asText());
        assertEquals(400, rest("POST", "/api/alert-rules/", "{not json", null).statusCode());
        // public mode without reject-invalid-tokens: a bad token counts as anonymous, as on the sockets
        assertEquals(200, rest("GET", "/api/alert-rules/", null, AuthFixture.badlySignedJwt()).statusCode());
        assertEquals(404, rest("DELETE", "/api/alert-rules/999999/", null, null).statusCode());

        try (WsClient c = WsClient.connect(server.ws("/ws/alerts/"))) {
            attached(c);
            JsonNode err = request(c, "alert-rule-create", "v1",
                    "{\"name\":\"bad\",\"conditions\":[{\"type\":\"altitude\",\"operator\":\"contains\",\"value\":1000}]}");
            assertEquals("error", err.get("type").asText());
            assertEquals("Invalid rule", err.get("message").asText());
            assertEquals("conditions[0].operator", err.get("field").asText());
            assertNotNull(err.get("detail"));
        }
    }

    @Test
    void webhookStatusIsForAdminsOnlyAndDeliveriesAreSignedAndRetried() throws Exception {
        try (WsClient alice = WsClient.connect(server.ws("/ws/webhooks/status/"), "access_token", AuthFixture.validJwt("user:alice"));
                WsClient anon = WsClient.connect(server.ws("/ws/webhooks/status/"))) {
            assertEquals(4003, alice.awaitClose(WAIT));
            assertEquals(4003, anon.awaitClose(WAIT));
        }
        try (WsClient admin = WsClient.connect(server.ws("/ws/webhooks/status/"), "access_token",
                AuthFixture.validJwt("user:root", "admin"))) {
            admin.send("{\"action\":\"ping\"}");
            admin.awaitType("pong", WAIT);
            String url = "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook?key=s3cr3t";
            long rule = createRule("{\"name\":\"hooked\",\"cooldown_seconds\":0,\"webhook_url\":\"" + url + "\","
                    + "\"conditions\":[{\"type\":\"squawk\",\"operator\":\"eq\",\"value\":\"4321\"}]}", null).get("id").asLong();
            sbs.send(FakeSbsSource.squawk("E00001", "4321", false));
            JsonNode first = admin.await(type("webhook_status"), WAIT).json().get("delivery");
            assertEquals("retrying", first.get("status").asText());
            assertEquals(500, first.get("http_status").asInt());
            assertFalse(first.toString().contains("s3cr3t"), "the URL's query never leaves the engine: " + first);
            JsonNode second = admin.await(type("webhook_status"), WAIT).json().get("delivery");
            assertEquals("delivered", second.get("status").asText());
            assertEquals(2, second.get("attempt").asInt());
            assertEquals(rule, second.get("rule_id").asLong());
        }
        Map<String, String> delivered = hookRequests.get(hookRequests.size() - 1);
        JsonNode body = Json.MAPPER.readTree(delivered.get("body"));
        assertEquals("alert:triggered", body.get("type").asText());
        assertEquals("E00001", body.get("data").get("icao_hex").asText());
        String expected = new WebhookSigner(HOOK_SECRET).sign(Long.parseLong(delivered.get("timestamp")),
                delivered.get("body").getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, delivered.get("signature"));
    }

    private static Set<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return Set.copyOf(names);
    }
}
