package io.skyspy.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.AuthFixture;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.CloseCodes;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Floods and hostile clients: each gets the documented error or close code, and a well-behaved
 * client next to it keeps getting answers within a bound the whole time.
 */
class AbuseE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** What "responsive" means here, generously, for a shared 2-core CI machine. */
    private static final long MAX_PING_MS = 3000;
    private static AuthFixture fixture;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        fixture = new AuthFixture();
        server = TestServer.start(fixture.config("hybrid", false) + """
                skyspy.limits.messages-per-second = 50
                skyspy.limits.message-burst = 50
                skyspy.limits.close-after-violations = 200
                skyspy.limits.connections-per-identity = 5
                skyspy.websocket.max-message-size = 64 KiB
                skyspy.websocket.heartbeat-timeout = 60s
                skyspy.websocket.ping-interval = 20s
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long pingMillis(WsClient c) {
        long start = System.nanoTime();
        c.send("{\"action\":\"ping\"}");
        c.awaitType("pong", WAIT);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aFloodGetsRateLimitedThenClosedWith1008WhileOthersStayResponsive() {
        try (WsClient bystander = WsClient.connect(server.ws("/ws/all/?topics=safety"));
                WsClient flood = WsClient.connect(server.ws("/ws/all/?topics=safety"))) {
            for (int i = 0; i < 2000 && !flood.closed(); i++) {
                try {
                    flood.send("{\"action\":\"ping\"}");
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
                if (i % 200 == 0) {
                    assertTrue(pingMillis(bystander) < MAX_PING_MS);
                }
            }
            assertEquals("Rate limited", flood.awaitType("error", WAIT).get("message").asText());
            assertEquals(CloseCodes.POLICY_VIOLATION, flood.awaitClose(WAIT));
            assertTrue(pingMillis(bystander) < MAX_PING_MS);
        }
    }

    @Test
    void oversizedFrameIsRefusedWith1009() {
        try (WsClient c = WsClient.connect(server.ws("/ws/all/?topics=safety"))) {
            c.send("{\"action\":\"ping\",\"x\":\"" + "y".repeat(100_000) + "\"}");
            assertEquals("Message too large", c.awaitType("error", WAIT).get("message").asText());
            assertEquals(CloseCodes.MESSAGE_TOO_BIG, c.awaitClose(WAIT));
        }
    }

    @Test
    void tenThousandSubscribeUnsubscribeCyclesLeaveTheConnectionHealthy() {
        try (TestServer fast = TestServer.start("skyspy.limits.messages-per-second = 100000\nskyspy.limits.message-burst = 100000\n");
                WsClient c = WsClient.connect(fast.ws("/ws/all/?topics=safety"))) {
            long heapBefore = usedHeapAfterGc();
            for (int i = 0; i < 10_000; i++) {
                c.send(i % 2 == 0 ? "{\"action\":\"subscribe\",\"topics\":[\"acars\"]}"
                        : "{\"action\":\"unsubscribe\",\"topics\":[\"acars\"]}");
                if (i % 1000 == 999) {
                    // wait for the answers to catch up, so the test also bounds the server's backlog
                    int[] answered = {0};
                    c.await(r -> {
                        String t = r.json().path("type").asText();
                        if (t.equals("subscribed") || t.equals("unsubscribed")) {
                            answered[0]++;
                        }
                        return answered[0] >= 1000;
                    }, Duration.ofSeconds(30));
                }
            }
            c.send("{\"action\":\"request\",\"type\":\"session-info\",\"request_id\":\"s\"}");
            assertEquals(List.of("safety"), List.of(c.awaitType("response", WAIT).get("data").get("topics").get(0).asText()));
            // the server runs in this JVM: 10,000 cycles must not leave state behind
            long grown = usedHeapAfterGc() - heapBefore;
            assertTrue(grown < 64L * 1024 * 1024, "heap grew by " + grown / 1024 + " KB");
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void connectionsPastThePerIdentityCapAreRefusedWith1008() {
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(WsClient.connect(server.ws("/ws/all/?topics=safety"), "Bearer", fixture.liveKey));
            }
            try (WsClient sixth = WsClient.connect(server.ws("/ws/all/?topics=safety"), "Bearer", fixture.liveKey)) {
                assertEquals(CloseCodes.POLICY_VIOLATION, sixth.awaitClose(WAIT));
            }
            for (WsClient c : open) {
                assertTrue(pingMillis(c) < MAX_PING_MS);
            }
        } finally {
            open.forEach(WsClient::close);
        }
        // the slots come back when the connections end
        io.skyspy.app.support.Await.until("slots released", WAIT, () -> {
            // closes are asynchronous: until the slots are back, a new connection is refused (error, then 1008)
            try (WsClient again = WsClient.connect(server.ws("/ws/all/?topics=safety"), "Bearer", fixture.liveKey)) {
                again.send("{\"action\":\"ping\"}");
                String type = again.await(r -> r.json() != null && (r.json().path("type").asText().equals("pong")
                        || r.json().path("type").asText().equals("error")), WAIT).json().path("type").asText();
                return type.equals("pong");
            } catch (RuntimeException refusedBeforeTheSend) {
                return false;
            }
        });
    }

    @Test
    void slowLorisHandshakesDoNotStarveOthers() throws Exception {
        List<Socket> loris = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                OutputStream out = s.getOutputStream();
                out.write("GET /ws/all/ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                loris.add(s);
            }
            try (WsClient c = WsClient.connect(server.ws("/ws/all/?topics=safety"))) {
                for (int i = 0; i < 5; i++) {
                    assertTrue(pingMillis(c) < MAX_PING_MS);
                }
                assertFalse(c.closed());
            }
        } finally {
            for (Socket s : loris) {
                s.close();
            }
        }
    }
}
