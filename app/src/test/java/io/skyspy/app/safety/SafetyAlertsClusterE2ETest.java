package io.skyspy.app.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.Await;
import io.skyspy.app.support.AuthFixture;
import io.skyspy.app.support.FakeSbsSource;
import io.skyspy.app.support.TestCluster;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one cluster: a safety episode is detected once (one event, one id) and reaches
 * clients of both nodes; a rule created through one node fires in the cluster's one alert engine
 * and a private alert reaches its owner on the other node, and nobody else there.
 */
class SafetyAlertsClusterE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String node(int port, int seedPort, String feeds) {
        return TestCluster.node(port, seedPort, feeds) + "skyspy.auth.jwt.secret = \"" + AuthFixture.SECRET + "\"\n";
    }

    /**
     * One warm-up round of eight aircraft (their entities spread over both nodes, so delivery is
     * proven from each node to each, not just from the one hosting a single aircraft): emergencies
     * and the marker alert; true when both nodes' clients got all of them.
     */
    private static boolean warm(FakeSbsSource sbs, WsClient a, WsClient b, WsClient alerts, long markerRule, int round) {
        List<String> hexes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String hex = String.format("F%02X%03X", round, i);
            hexes.add(hex);
            sbs.send(FakeSbsSource.squawk(hex, "7700", true), FakeSbsSource.identity(hex, "CLUMARK"));
        }
        try {
            // await skips what does not match, and notices of different aircraft may come in any order
            awaitAll(a, "safety:event", hexes, r -> true);
            awaitAll(b, "safety:event", hexes, r -> true);
            awaitAll(alerts, "alert:triggered", hexes, r -> r.json().get("data").get("rule_id").asLong() == markerRule);
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    private static void awaitAll(WsClient c, String type, List<String> hexes, Predicate<WsClient.Received> also) {
        Set<String> missing = new HashSet<>(hexes);
        while (!missing.isEmpty()) {
            c.await(r -> missing.stream().anyMatch(h -> type(type, h).test(r)) && also.test(r)
                    && missing.remove(r.json().get("data").get("icao_hex").asText()), Duration.ofSeconds(2));
        }
    }

    private static Predicate<WsClient.Received> type(String type, String hex) {
        return r -> r.json() != null && type.equals(r.json().path("type").asText()) && r.text().contains(hex);
    }

    @Test
    void detectedOnceDeliveredEverywherePrivateOnlyToTheOwner() throws Exception {
        int p1 = TestCluster.freePort();
        int p2 = TestCluster.freePort();
        try (FakeSbsSource sbs = new FakeSbsSource();
                TestServer a = TestServer.start(node(p1, p1, "[\"" + sbs.feed() + "\"]"));
                TestServer b = TestServer.start(node(p2, p1, "[]"))) {
            TestCluster.awaitUp(a, 2, WAIT);
            Await.until("node A connected to the SBS source", WAIT, () -> sbs.connectedClients() > 0);

            String alice = AuthFixture.validJwt("user:alice");
            try (WsClient safetyA = WsClient.connect(a.ws("/ws/safety/"));
                    WsClient safetyB = WsClient.connect(b.ws("/ws/safety/"));
                    WsClient aliceB = WsClient.connect(b.ws("/ws/alerts/"), "Bearer", alice);
                    WsClient bobB = WsClient.connect(b.ws("/ws/alerts/"), "Bearer", AuthFixture.validJwt("user:bob"))) {
                safetyA.awaitType("safety:snapshot", WAIT);
                safetyB.awaitType("safety:snapshot", WAIT);
                for (WsClient c : new WsClient[] {aliceB, bobB}) {
                    c.send("{\"action\":\"ping\"}");
                    c.awaitType("pong", WAIT);
                }

                // a rule made through node B lives in the engine (wherever it runs) and is alice's
                HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(b.http("/api/alert-rules/"))
                        .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"alice on B\",\"visibility\":\"private\","
                                + "\"cooldown_seconds\":0,\"conditions\":[{\"type\":\"squawk\",\"operator\":\"eq\",\"value\":\"7700\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, created.statusCode(), created.body());
                long rule = Json.MAPPER.readTree(created.body()).get("id").asLong();
                HttpResponse<String> marker = HttpClient.newHttpClient().send(HttpRequest.newBuilder(a.http("/api/alert-rules/"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"public marker\",\"cooldown_seconds\":0,"
                                + "\"conditions\":[{\"type\":\"callsign\",\"operator\":\"eq\",\"value\":\"CLUMARK\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                long markerRule = Json.MAPPER.readTree(marker.body()).get("id").asLong();

                // the topics are at-most-once and learn of the other node's subscribers by gossip:
                // warm up with other aircraft until notices from either node reach both
                for (int i = 0; !warm(sbs, safetyA, safetyB, bobB, markerRule, i); i++) {
                    if (i > 20) {
                        throw new AssertionError("the safety and alert topics never spanned both nodes");
                    }
                }

                sbs.send(FakeSbsSource.position("C7C7C7", 12000, 34.2, -118.2), FakeSbsSource.squawk("C7C7C7", "7700", true),
                        FakeSbsSource.identity("C7C7C7", "CLUMARK"));
                JsonNode onA = safetyA.await(type("safety:event", "C7C7C7"), WAIT).json().get("data");
                JsonNode onB = safetyB.await(type("safety:event", "C7C7C7"), WAIT).json().get("data");
                assertEquals(onA.get("id").asLong(), onB.get("id").asLong(), "one episode, one id on every node");

                JsonNode alert = aliceB.await(r -> type("alert:triggered", "C7C7C7").test(r)
                        && r.json().get("data").get("rule_id").asLong() == rule, WAIT).json().get("data");
                assertEquals("alice on B", alert.get("rule_name").asText());
                bobB.await(r -> type("alert:triggered", "C7C7C7").test(r)
                        && r.json().get("data").get("rule_id").asLong() == markerRule, WAIT);
                assertEquals(0, bobB.seen().stream().filter(r -> type("alert:triggered", "").test(r)
                        && r.json().get("data").get("rule_id").asLong() == rule).count(), "bob never sees alice's alerts");

                // both clients saw every notice of the aircraft so far; each saw the episode open once
                sbs.send(FakeSbsSource.squawk("C7C7C7", "7500", true));
                safetyA.await(type("safety:event_updated", "C7C7C7"), WAIT);
                safetyB.await(type("safety:event_updated", "C7C7C7"), WAIT);
                assertEquals(1, safetyA.seen().stream().filter(type("safety:event", "C7C7C7")).count());
                assertEquals(1, safetyB.seen().stream().filter(type("safety:event", "C7C7C7")).count());
            }
        }
    }
}
