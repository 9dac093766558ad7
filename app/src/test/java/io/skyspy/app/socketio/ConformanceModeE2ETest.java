package io.skyspy.app.socketio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skyspy.app.CommandLine;
import io.skyspy.app.socketio.EngineClients.Polling;
import io.skyspy.app.socketio.EngineClients.Ws;
import io.skyspy.app.support.Await;
import io.skyspy.app.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --socketio-conformance} in CI, where the official suites cannot be fetched: the flag,
 * the timings in the handshake, the echo namespaces byte for byte (binary attachments and acks
 * included) and the plain Engine.IO echo at {@code /engine.io/}. The suites themselves run with
 * {@code ../shared/sio-suites/run-suites.sh} (see the README).
 */
class ConformanceModeE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 10
                skyspy.socketio.conformance = true
                """);
        Sessions.awaitWarm(server);
    }

    @AfterAll
    static void stop() {
        Sessions.awaitNone(server);
        server.close();
    }

    @Test
    void theFlagTurnsItOnAndNothingElseDoes() {
        assertEquals(true, CommandLine.parse(new String[] {"--socketio-conformance", "--port", "3000"}).config()
                .getBoolean("skyspy.socketio.conformance"));
        assertEquals(false, CommandLine.parse(new String[] {"--port", "3000"}).config().getBoolean("skyspy.socketio.conformance"));
    }

    @Test
    void handshakeCarriesTheSuitesTimings() throws Exception {
        Polling p = new Polling(server.port(), "/socket.io");
        String body = p.get("http://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=polling").body();
        assertEquals("{\"sid\":\"X\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200,\"maxPayload\":1000000}",
                body.substring(1).replaceFirst("\"sid\":\"[^\"]+\"", "\"sid\":\"X\""));
    }

    @Test
    void echoNamespacesByteForByte() throws Exception {
        try (Ws ws = new Ws(server.port(), "")) {
            ws.awaitText("0{");
            ws.send("40{\"token\":\"123\"}");
            ws.awaitText("40{\"sid\":");
            ws.awaitText("42[\"auth\",{\"token\":\"123\"}]");
            ws.send("40/custom");
            ws.awaitText("40/custom,{\"sid\":");
            ws.awaitText("42/custom,[\"auth\",{}]");
            ws.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
            ws.awaitText("42[\"message-back\",1,\"2\",{\"3\":[true]}]");
            ws.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
            ws.awaitText("43456[1,\"2\",{\"3\":[false]}]");
            ws.send("452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            ws.sendBinary(new byte[] {1, 2, 3});
            ws.sendBinary(new byte[] {4, 5, 6});
            String head = ws.awaitText("462-789[");
            assertEquals("462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", head);
            Await.until("both attachments", WAIT, () -> ws.received.stream().filter(o -> o instanceof byte[]).count() == 2);
            int at = ws.received.indexOf(head);
            assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ws.received.get(at + 1));
            assertArrayEquals(new byte[] {4, 5, 6}, (byte[]) ws.received.get(at + 2));
            ws.send("40/random");
            ws.awaitText("44/random,{\"message\":\"Invalid namespace\"}");
        }
    }

    @Test
    void plainEngineIoEchoOverPolling() throws Exception {
        Polling p = new Polling(server.port(), "/engine.io");
        String sid = p.open();
        assertEquals("ok", p.post(sid, "4test1\u001e4test2\u001ebAQIDBA==").body());
        assertEquals("4test1\u001e4test2\u001ebAQIDBA==", p.poll(sid).body());
    }
}
