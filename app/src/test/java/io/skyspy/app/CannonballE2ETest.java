package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.Await;
import io.skyspy.app.support.FakeSbsSource;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.model.Geo;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cannonball mode end to end: traffic through a real SBS socket, a phone on {@code /ws/cannonball/}
 * sending its GPS fixes and getting the law enforcement, helicopters and surveillance types around
 * it, as spec 000 ("Cannonball Consumer") describes.
 */
class CannonballE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final double LAT = 34.05;
    private static final double LON = -118.25;
    private static FakeSbsSource sbs;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        sbs = new FakeSbsSource();
        // the phones here re-send their fix until the feed's aircraft show up: lift the rate limit
        server = TestServer.fedBy(sbs, """
                skyspy.limits.messages-per-second = 10000
                skyspy.limits.message-burst = 10000
                """);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        sbs.close();
    }

    /** A highway patrol aircraft {@code nm} north of the user, and an airliner right overhead. */
    private static void traffic(String police, String airliner, double nm) {
        Geo.Point p = Geo.destination(LAT, LON, 0, nm);
        // SBS carries 5 decimals (~1 m); the parser refuses longer numbers as garbage
        double lat = Math.round(p.lat() * 1e5) / 1e5;
        double lon = Math.round(p.lon() * 1e5) / 1e5;
        sbs.send(FakeSbsSource.identity(police, "CHP12"), FakeSbsSource.position(police, 1500, lat, lon),
                FakeSbsSource.identity(airliner, "UAL124"), FakeSbsSource.position(airliner, 3000, LAT, LON));
    }

    private static String positionUpdate(double lat, double lon) {
        return String.format(Locale.ROOT, "{\"type\":\"position_update\",\"lat\":%.5f,\"lon\":%.5f,\"heading\":0}", lat, lon);
    }

    /** Sends the phone's position until the answer lists {@code hex} (the node's view catches up with the feed). */
    private static JsonNode threatWhenSeen(WsClient phone, String hex) {
        JsonNode[] found = new JsonNode[1];
        Await.until(hex + " among the threats", WAIT, () -> {
            phone.send(positionUpdate(LAT, LON));
            for (JsonNode t : phone.awaitType("threats", WAIT).get("data")) {
                if (t.get("hex").asText().equals(hex)) {
                    found[0] = t;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void aPhoneGetsThePoliceAroundItWithLevelDirectionAndTrendButNotTheAirliner() {
        try (WsClient phone = WsClient.connect(server.ws("/ws/cannonball/"))) {
            assertFalse(phone.awaitType("session_started", WAIT).path("session_id").asText().isEmpty());
            traffic("C0FFE1", "C0FFE2", 1.5);

            JsonNode threat = threatWhenSeen(phone, "C0FFE1");
            assertEquals("CHP12", threat.get("callsign").asText());
            assertEquals("Law Enforcement", threat.get("category").asText());
            assertTrue(threat.get("is_law_enforcement").asBoolean());
            assertEquals("critical", threat.get("threat_level").asText());
            assertEquals(1.5, threat.get("distance_nm").asDouble(), 0.02);
            assertEquals("N", threat.get("direction").asText());
            assertEquals(1500, threat.get("altitude").asInt());

            // it comes closer: the next fix shows it approaching
            traffic("C0FFE1", "C0FFE2", 0.8);
            Await.until("the police aircraft approaching", WAIT, () -> {
                phone.send(positionUpdate(LAT, LON));
                JsonNode answer = phone.awaitType("threats", WAIT);
                assertEquals(LAT, answer.get("position").get("lat").asDouble(), 1e-6);
                assertEquals(answer.get("count").asInt(), answer.get("data").size());
                boolean approaching = false;
                for (JsonNode t : answer.get("data")) {
                    assertFalse(t.get("hex").asText().equals("C0FFE2"), "an airliner is no threat");
                    approaching |= t.get("hex").asText().equals("C0FFE1") && t.get("trend").asText().equals("approaching");
                }
                return approaching;
            });
        }
    }

    @Test
    void theRadiusIsTheUsersAndBadFixesGetTheSpecsError() {
        try (WsClient phone = WsClient.connect(server.ws("/ws/cannonball/"))) {
            phone.awaitType("session_started", WAIT);
            traffic("C0FFE3", "C0FFE4", 3.0);
            threatWhenSeen(phone, "C0FFE3");

            phone.send("{\"type\":\"set_radius\",\"radius_nm\":2}");
            assertEquals(2.0, phone.awaitType("radius_updated", WAIT).get("radius_nm").asDouble());
            phone.send(positionUpdate(LAT, LON));
            for (JsonNode t : phone.awaitType("threats", WAIT).get("data")) {
                assertTrue(t.get("distance_nm").asDouble() <= 2.0, "outside the radius: " + t);
            }

            phone.send("{\"type\":\"position_update\",\"lat\":95,\"lon\":0}");
            JsonNode error = phone.awaitType("error", WAIT);
            assertEquals("Missing parameter", error.get("message").asText());
            assertEquals("lat", error.get("parameter").asText());

            // the session is fine afterwards, and get_threats repeats the last look
            phone.send("{\"type\":\"get_threats\"}");
            assertEquals(LAT, phone.awaitType("threats", WAIT).get("position").get("lat").asDouble(), 1e-6);
        }
    }

    @Test
    void theThreatsRequestAnswersWithItsRequestIdAndOtherEndpointsDoNotKnowPositionUpdates() {
        try (WsClient phone = WsClient.connect(server.ws("/ws/cannonball/"));
                WsClient dashboard = WsClient.connect(server.ws("/ws/aircraft/"))) {
            phone.awaitType("session_started", WAIT);
            phone.send("{\"action\":\"request\",\"type\":\"threats\",\"request_id\":\"t1\"}");
            JsonNode response = phone.awaitType("response", WAIT);
            assertEquals("t1", response.get("request_id").asText());
            assertEquals("threats", response.get("request_type").asText());
            assertTrue(response.get("data").get("position").isNull(), "no fix yet");
            assertEquals(0, response.get("data").get("count").asInt());

            dashboard.awaitType("aircraft:snapshot", WAIT);
            dashboard.send(positionUpdate(LAT, LON));
            JsonNode error = dashboard.awaitType("error", WAIT);
            assertEquals("Unknown action", error.get("message").asText());
            assertEquals("position_update", error.get("action").asText());
        }
    }
}
