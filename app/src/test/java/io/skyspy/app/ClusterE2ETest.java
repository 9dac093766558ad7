package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.FakeSbsSource;
import io.skyspy.app.support.TestCluster;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two real nodes in one cluster: an aircraft reported to one node reaches a client of the other
 * (the entity lives on one node, the topic crosses nodes with CBOR), and a session started on
 * one node resumes on the other with its subscriptions.
 */
class ClusterE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aircraftAndSessionsCrossNodes() throws Exception {
        int p1 = TestCluster.freePort();
        int p2 = TestCluster.freePort();
        try (FakeSbsSource sbs = new FakeSbsSource();
                TestServer a = TestServer.start(TestCluster.node(p1, p1, "[\"" + sbs.feed() + "\"]"));
                TestServer b = TestServer.start(TestCluster.node(p2, p1, "[\"readsb-json://127.0.0.1:1\"]"))) {
            TestCluster.awaitUp(a, 2, WAIT);
            io.skyspy.app.support.Await.until("node A connected to the SBS source", WAIT, () -> sbs.connectedClients() > 0);

            String sessionId;
            try (WsClient onB = WsClient.connect(b.ws("/ws/all/?topics=aircraft"))) {
                onB.awaitType("aircraft:snapshot", WAIT);
                boolean seen = false;
                for (int i = 0; i < 5 && !seen; i++) {
                    sbs.send(FakeSbsSource.identity("ABCDEF", "CLU1"), FakeSbsSource.position("ABCDEF", 22000, 34.1, -118.1));
                    seen = hasNew(onB);
                }
                assertTrue(seen, "an aircraft fed to node A reaches a client of node B");
                onB.send("{\"action\":\"subscribe\",\"topics\":[\"safety\"]}");
                onB.awaitType("subscribed", WAIT);
                onB.send("{\"action\":\"request\",\"type\":\"session-info\",\"request_id\":\"s\"}");
                sessionId = onB.awaitType("response", WAIT).get("data").get("session_id").asText();
            }
            try (WsClient onA = WsClient.connect(a.ws("/ws/all/?session_id=" + sessionId))) {
                onA.send("{\"action\":\"request\",\"type\":\"session-info\",\"request_id\":\"s\"}");
                JsonNode info = onA.awaitType("response", WAIT).get("data");
                assertEquals(sessionId, info.get("session_id").asText());
                assertTrue(info.get("topics").toString().contains("safety"), "subscriptions resumed: " + info);
            }
        }
    }

    private static boolean hasNew(WsClient c) {
        try {
            c.await(r -> r.text().contains("\"aircraft:new\"") && r.text().contains("ABCDEF"), Duration.ofSeconds(5));
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }
}
