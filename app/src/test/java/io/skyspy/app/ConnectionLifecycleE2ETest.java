package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.RawWsClient;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.CloseCodes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Heartbeats, the update rate limit and delta-only clients. */
class ConnectionLifecycleE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 400
                skyspy.simulator.update-rate-hz = 2
                skyspy.websocket.ping-interval = 300ms
                skyspy.websocket.heartbeat-timeout = 1500ms
                skyspy.aircraft-stream.update-interval = 20ms
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPeerThatNeverAnswersIsClosedWith4000() throws Exception {
        try (RawWsClient dead = new RawWsClient(server.port(), "/ws/all/?topics=safety", "", 0)) {
            assertTrue(dead.handshakeResponse().startsWith("HTTP/1.1 101"), dead.handshakeResponse());
            assertEquals(CloseCodes.HEARTBEAT_TIMEOUT, dead.readUntilClose());
        }
    }

    @Test
    void connectionsStartNoThreadsOfTheirOwn() throws Exception {
        // Pekko's Java futures run thenApply/whenComplete on the JDK's default executor unless told
        // otherwise, and on <= 2 cores (CI) that starts a thread per callback: two per connection.
        int connections = 40;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        List<RawWsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                RawWsClient c = new RawWsClient(server.port(), "/ws/aircraft/?topics=aircraft", "", 0);
                clients.add(c);
                // the snapshot is sent by the attach's continuation
                assertTrue(c.readUntilText("aircraft:snapshot"), "no snapshot on connection " + i);
            }
            long started = threads.getTotalStartedThreadCount() - before;
            assertTrue(started < connections / 2, started + " threads started for " + connections + " connections");
        } finally {
            for (RawWsClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void aClientThatOnlyAnswersTransportPingsStaysConnected() {
        // the JDK client answers pings by itself and never sends an application ping
        try (WsClient quiet = WsClient.connect(server.ws("/ws/all/?topics=safety"))) {
            long until = System.currentTimeMillis() + 3000;
            while (System.currentTimeMillis() < until) {
                quiet.drain();
                assertFalse(quiet.closed(), "closed although the peer answers pings");
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
            }
            quiet.send("{\"action\":\"ping\"}");
            assertEquals("pong", quiet.awaitType("pong", WAIT).get("type").asText());
        }
    }

    @Test
    void atMostTenAircraftUpdatesPerSecondPerClient() {
        // the update interval is configured at 20 ms (50 Hz); the rate limit must hold it at 10 Hz
        try (WsClient c = WsClient.connect(server.ws("/ws/aircraft/"))) {
            c.awaitType("aircraft:update", WAIT);
            long start = System.currentTimeMillis();
            int updates = 0;
            while (System.currentTimeMillis() - start < 3000) {
                WsClient.Received first = c.await(r -> true, WAIT);
                List<WsClient.Received> got = new ArrayList<>(c.drain());
                got.add(first);
                updates += got.stream().filter(r -> r.json() != null
                        && "aircraft:update".equals(r.json().path("type").asText())).count();
            }

            assertTrue(updates <= 3 * 10 + 1, "updates in 3 s: " + updates);
            assertTrue(updates >= 10, "updates in 3 s: " + updates);
        }
    }

    @Test
    void deltaOnlyClientsGetNoFullList() {
        try (WsClient c = WsClient.connect(server.ws("/ws/aircraft/?updates=false"))) {
            c.awaitType("aircraft:snapshot", WAIT);
            long start = System.currentTimeMillis();
            List<String> types = new ArrayList<>();
            while (System.currentTimeMillis() - start < 1500) {
                // the awaited message counts too: one batch per read would otherwise leave none
                types.add(c.await(r -> true, WAIT).json().path("type").asText());
                c.drain().forEach(r -> types.add(r.json().path("type").asText()));
            }
            assertFalse(types.contains("aircraft:update"), types.toString());
            assertTrue(types.contains("batch"));
        }
    }
}
