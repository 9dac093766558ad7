package io.skyspy.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.Await;
import io.skyspy.app.support.RawWsClient;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.CloseCodes;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The node's connection caps on {@code /ws/}, each small enough to reach: a connection over a cap
 * is told why and closed with 1008, the ones already open are untouched, and a slot is free
 * again once a connection ends. A handshake storm gets 503 until the rate allows more.
 */
class ConnectionCapsE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PATH = "/ws/all/?topics=safety";

    @Test
    void theAddressCapRefusesTheNextConnectionWith1008AndFreesTheSlotWhenOneEnds() {
        try (TestServer server = TestServer.start("skyspy.limits.connections-per-ip = 2\n")) {
            capRefusesThenFrees(server.ws(PATH), "too many connections from this address");
        }
    }

    @Test
    void theNodesCapRefusesTheNextConnectionWith1008AndFreesTheSlotWhenOneEnds() {
        try (TestServer server = TestServer.start("skyspy.limits.max-connections = 2\n")) {
            capRefusesThenFrees(server.ws(PATH), "server connection limit reached");
        }
    }

    private static void capRefusesThenFrees(URI uri, String reason) {
        try (WsClient first = WsClient.connect(uri); WsClient second = WsClient.connect(uri)) {
            assertTrue(answersPing(first) && answersPing(second));
            try (WsClient over = WsClient.connect(uri)) {
                assertEquals(reason, over.awaitType("error", WAIT).get("message").asText());
                assertEquals(CloseCodes.POLICY_VIOLATION, over.awaitClose(WAIT));
            }
            first.close();
            Await.until("the first connection's slot to be free", WAIT, () -> {
                try (WsClient next = WsClient.connect(uri)) {
                    return answersPing(next);
                }
            });
            assertTrue(answersPing(second), "the connection that stayed is untouched");
        }
    }

    /** True on a pong, false when the server refused the connection instead. */
    private static boolean answersPing(WsClient c) {
        c.send("{\"action\":\"ping\"}");
        String type = c.await(r -> r.json() != null && (r.json().path("type").asText().equals("pong")
                || r.json().path("type").asText().equals("error")), WAIT).json().path("type").asText();
        return type.equals("pong");
    }

    @Test
    void aHandshakeStormGets503UntilTheRateAllowsMore() throws Exception {
        try (TestServer server = TestServer.start("skyspy.limits.handshakes-per-second = 1\n")) {
            assertEquals("HTTP/1.1 101 Switching Protocols", handshakeStatus(server));
            // the bucket holds one handshake and refills at one per second: the next few, back to
            // back, find it empty
            boolean refused = false;
            for (int i = 0; i < 20 && !refused; i++) {
                refused = handshakeStatus(server).equals("HTTP/1.1 503 Service Unavailable");
            }
            assertTrue(refused, "no 503 in 20 back-to-back handshakes at 1 per second");
            Await.until("the handshake rate to admit one again", WAIT,
                    () -> handshakeStatus(server).equals("HTTP/1.1 101 Switching Protocols"));
        }
    }

    private static String handshakeStatus(TestServer server) {
        try (RawWsClient c = new RawWsClient(server.port(), PATH, "", 0)) {
            String response = c.handshakeResponse();
            return response.substring(0, response.indexOf("\r\n"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
