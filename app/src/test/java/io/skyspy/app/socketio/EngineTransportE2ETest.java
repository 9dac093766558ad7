package io.skyspy.app.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.socketio.EngineClients.Polling;
import io.skyspy.app.socketio.EngineClients.Reply;
import io.skyspy.app.socketio.EngineClients.Ws;
import io.skyspy.app.support.Await;
import io.skyspy.app.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO transport mechanics with short timings (300 ms pings, 200 ms timeout, 1 s connect
 * timeout): heartbeats on both transports, the connect timeout, and the upgrade from polling to
 * WebSocket step by step, including its refusals.
 */
class EngineTransportE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestServer server;
    private static Polling polling;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 10
                skyspy.socketio.ping-interval = 300ms
                skyspy.socketio.ping-timeout = 200ms
                skyspy.socketio.connect-timeout = 1s
                skyspy.socketio.sid-prefix = "n1-"
                skyspy.limits.connections-per-ip = 4
                """);
        polling = new Polling(server.port(), "/socket.io");
    }

    @AfterAll
    static void stop() {
        Sessions.awaitNone(server);
        server.close();
    }

    @Test
    void pollingHeartbeatKeepsTheSessionUntilPongsStop() throws Exception {
        String sid = polling.open();
        assertTrue(sid.startsWith("n1-"), "the node's sid prefix routes polling requests at a load balancer: " + sid);
        assertEquals("ok", polling.post(sid, "40").body());
        int pings = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pings < 3 && System.nanoTime() < deadline) {
            Reply r = polling.poll(sid);
            assertEquals(200, r.status());
            if (r.body().equals("2") || r.body().endsWith("\u001e2")) {
                pings++;
                assertEquals("ok", polling.post(sid, "3").body());
            }
        }
        assertEquals(3, pings);
        Await.until("the session to time out without pongs", WAIT, () -> {
            try {
                return polling.poll(sid).status() == 400;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void webSocketIsClosedWhenPongsStop() throws Exception {
        try (Ws ws = new Ws(server.port(), "")) {
            ws.awaitText("0{");
            ws.send("40");
            Await.until("two pings", WAIT, () -> ws.received.stream().filter("2"::equals).count() >= 2 || answer(ws));
            ws.awaitClose();
        }
    }

    // answers the first ping only, so the second one times out
    private static boolean answer(Ws ws) {
        if (ws.received.stream().filter("2"::equals).count() == 1 && !ws.received.contains("answered")) {
            ws.received.add("answered");
            ws.send("3");
        }
        return false;
    }

    @Test
    void aConnectionThatJoinsNoNamespaceIsClosed() throws Exception {
        String sid = polling.open();
        Await.until("the connect timeout", WAIT, () -> {
            try {
                Reply r = polling.poll(sid);
                if (r.status() == 200 && r.body().contains("2")) {
                    polling.post(sid, "3");
                }
                return r.status() == 400 || r.body().equals("1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void upgradeFromPollingToWebSocket() throws Exception {
        String sid = polling.open();
        assertEquals("ok", polling.post(sid, "40").body());
        try (Ws ws = new Ws(server.port(), "&sid=" + sid)) {
            ws.send("2probe");
            ws.awaitText("3probe");
            // while upgrading, a poll gets no data: a noop after a short hold
            assertEquals("6", polling.poll(sid).body().substring(0, 1).equals("6") ? "6" : pollUntilNoop(sid));
            ws.send("5");
            // the packets queued for polling (the CONNECT answer, the snapshot) now arrive on the WebSocket
            ws.awaitText("40{\"sid\":");
            ws.awaitText("42[\"aircraft:snapshot\"");
            Await.until("the polling transport to be retired", WAIT, () -> {
                try {
                    return polling.poll(sid).status() == 400;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Ws second = new Ws(server.port(), "&sid=" + sid)) {
                second.awaitClose();
            }
            // the first WebSocket keeps working: pings arrive and pongs keep it open
            ws.awaitText("2");
            ws.send("3");
            ws.send("42[\"subscribe\",{\"topics\":[\"aircraft\"]}]");
            ws.awaitText("42[\"subscribed\"");
            assertTrue(!ws.closed.isDone());
        }
    }

    // the probe may have found a poll with data waiting; the next one is the noop
    private static String pollUntilNoop(String sid) throws Exception {
        for (int i = 0; i < 5; i++) {
            String body = polling.poll(sid).body();
            if (body.equals("6")) {
                return body;
            }
        }
        return "no noop";
    }

    @Test
    void namespaceConnectionsCountAgainstTheConnectionLimits() throws Exception {
        Sessions.awaitNone(server);
        String sid = polling.open();
        // four namespaces of one connection are four client sessions; the fifth is over the per-address limit
        assertEquals("ok", polling.post(sid, "40\u001e40/acars,\u001e40/cannonball,\u001e40/audio,\u001e40/acars2,").body());
        Await.until("four sessions", WAIT, () -> Sessions.open(server) == 4);
        String other = polling.open();
        assertEquals("ok", polling.post(other, "40").body());
        StringBuilder seen = new StringBuilder();
        Await.until("the refusal", WAIT, () -> {
            try {
                seen.append(polling.poll(other).body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return seen.indexOf("44{\"message\":\"too many connections from this address\"}") >= 0;
        });
        assertEquals("ok", polling.post(sid, "1").body());
        assertEquals("ok", polling.post(other, "1").body());
        Sessions.awaitNone(server);
    }

    @Test
    void aFailedProbeLeavesPollingAsItWas() throws Exception {
        String sid = polling.open();
        try (Ws ws = new Ws(server.port(), "&sid=" + sid)) {
            ws.send("4not-a-probe");
            ws.awaitClose();
        }
        assertEquals("ok", polling.post(sid, "40").body());
        Await.until("the CONNECT answer over polling", WAIT, () -> {
            try {
                return polling.poll(sid).body().contains("40{\"sid\":");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
