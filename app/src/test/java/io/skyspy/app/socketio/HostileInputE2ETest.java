package io.skyspy.app.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.socketio.EngineClients.Polling;
import io.skyspy.app.socketio.EngineClients.Reply;
import io.skyspy.app.socketio.EngineClients.Ws;
import io.skyspy.app.support.Await;
import io.skyspy.app.support.TestServer;
import io.skyspy.protocol.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What no well-behaved client sends: bad requests, malformed and unknown packets, oversized
 * payloads, overlapping polls, unannounced binary, unknown sids. Each gets the protocol's own
 * answer (an HTTP 400 with the Engine.IO error, a closed session, a closed WebSocket), the
 * server never falls over, and nothing is left behind.
 */
class HostileInputE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int MAX_PAYLOAD = 10_000;
    private static TestServer server;
    private static Polling polling;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 10
                skyspy.socketio.max-payload = %d
                """.formatted(MAX_PAYLOAD));
        polling = new Polling(server.port(), "/socket.io");
    }

    @AfterAll
    static void stop() {
        Sessions.awaitNone(server);
        server.close();
    }

    @Test
    void badRequestsGetTheProtocolsErrors() throws Exception {
        Reply unknown = polling.poll("no-such-sid");
        assertEquals(400, unknown.status());
        assertEquals("{\"code\":1,\"message\":\"Session ID unknown\"}", unknown.body());
        assertEquals(400, polling.post("no-such-sid", "40").status());
        assertEquals(5, code(polling.raw("transport=polling", "GET")));
        assertEquals(5, code(polling.raw("EIO=abc&transport=polling", "GET")));
        assertEquals(0, code(polling.raw("EIO=4", "GET")));
        assertEquals(0, code(polling.raw("EIO=4&transport=abc", "GET")));
        assertEquals(2, code(polling.raw("EIO=4&transport=polling", "POST")));
        assertEquals(2, code(polling.raw("EIO=4&transport=polling", "PUT")));
        assertEquals(3, code(polling.raw("EIO=4&transport=websocket", "GET")));
        assertServerStillServes();
    }

    private static int code(Reply r) throws Exception {
        assertEquals(400, r.status(), r.body());
        return r.json().get("code").asInt();
    }

    @Test
    void malformedEnginePayloadsCloseTheSession() throws Exception {
        for (String body : List.of("abc", "9", "4a\u001e", "\u001e4a", "b!!not-base64", "4a\u001e7x")) {
            String sid = polling.open();
            assertEquals(400, polling.post(sid, body).status(), body);
            assertEquals(400, polling.poll(sid).status(), "session must be gone after " + body);
        }
        assertServerStillServes();
    }

    @Test
    void malformedSocketIoPacketsCloseTheConnection() throws Exception {
        List<String> bodies = List.of(
                "4abc", // unknown Socket.IO packet type
                "49", // unknown Socket.IO packet type digit
                "42{}", // an event must be an array
                "42abc[\"message\"]", // invalid ack id
                "42[\"connect\"]", // reserved event name
                "43[1]", // ack without id
                "45x-[\"m\"]", // illegal attachment count
                "4599-[\"m\"]", // too many attachments
                "451-[\"m\",{\"_placeholder\":true,\"num\":3}]\u001ebAQ==", // placeholder out of range
                "bAQID", // binary nobody announced
                "451-[\"m\",{\"_placeholder\":true,\"num\":0}]\u001e42[\"m\"]", // text while awaiting an attachment
                "44{\"message\":\"x\"}", // clients do not send connect errors
                "40" + "[".repeat(300)); // nesting beyond the limit
        for (String body : bodies) {
            String sid = polling.open();
            Reply r = polling.post(sid, body);
            assertTrue(r.status() == 200 || r.status() == 400, body + " -> " + r);
            assertTrue(polling.gone(sid), "connection must be closed after " + body);
        }
        assertServerStillServes();
    }

    @Test
    void oversizedPollingPayloadIsRefusedAndEndsTheSession() throws Exception {
        String sid = polling.open();
        Reply r = polling.post(sid, "4" + "x".repeat(MAX_PAYLOAD));
        assertEquals(413, r.status());
        assertEquals(400, polling.poll(sid).status());
        // just under the limit is fine
        String ok = polling.open();
        assertEquals(200, polling.post(ok, "4" + "x".repeat(MAX_PAYLOAD - 10)).status());
    }

    @Test
    void overlappingPollsEndTheSession() throws Exception {
        String sid = polling.open();
        CompletableFuture<Reply> a = polling.pollAsync(sid);
        CompletableFuture<Reply> b = polling.pollAsync(sid);
        // whichever reached the server first was waiting: it gets the close packet, the other a 400
        Reply ra = a.get();
        Reply rb = b.get();
        Reply waited = ra.status() == 200 ? ra : rb;
        Reply refused = waited == ra ? rb : ra;
        assertEquals("1", waited.body());
        assertEquals(200, waited.status());
        assertEquals(400, refused.status());
        assertEquals(400, polling.poll(sid).status());
    }

    @Test
    void unknownNamespaceGetsConnectErrorAndTheConnectionLives() throws Exception {
        String sid = polling.open();
        assertEquals("ok", polling.post(sid, "40/no-such-namespace,").body());
        assertEquals("44/no-such-namespace,{\"message\":\"Invalid namespace\"}", polling.poll(sid).body());
        // an event for a namespace never joined is dropped, the connection stays
        assertEquals("ok", polling.post(sid, "42/acars,[\"subscribe\",\"all\"]").body());
        assertEquals("ok", polling.post(sid, "40/acars,").body());
        assertTrue(polling.poll(sid).body().startsWith("40/acars,{\"sid\":"));
        assertEquals("ok", polling.post(sid, "1").body());
    }

    @Test
    void webSocketGarbageClosesTheSocket() throws Exception {
        try (Ws ws = new Ws(server.port(), "")) {
            ws.awaitText("0{");
            ws.send("abc");
            ws.awaitClose();
        }
        try (Ws ws = new Ws(server.port(), "")) {
            ws.awaitText("0{");
            ws.sendBinary(new byte[] {1, 2, 3});
            ws.awaitClose();
        }
        try (Ws ws = new Ws(server.port(), "")) {
            ws.awaitText("0{");
            ws.send("4" + "x".repeat(MAX_PAYLOAD + 1));
            assertEquals(1009, ws.awaitClose());
        }
        io.skyspy.app.support.WireWebSocket.HandshakeRefused refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.skyspy.app.support.WireWebSocket.HandshakeRefused.class, () -> new Ws(server.port(), "&sid=no-such-sid"),
                "an upgrade for an unknown sid must be refused");
        assertEquals(400, refused.status(), refused.toString());
        assertServerStillServes();
    }

    @Test
    void binaryAttachmentsTravelOverTheWebSocket() throws Exception {
        try (Ws ws = new Ws(server.port(), "")) {
            ws.awaitText("0{");
            ws.send("40");
            ws.awaitText("40{\"sid\":");
            // the main namespace answers unknown actions with an error event; a binary argument does not break that
            ws.send("451-[\"teleport\",{\"_placeholder\":true,\"num\":0}]");
            ws.sendBinary(new byte[] {9, 8, 7});
            String error = ws.awaitText("42[\"error\"");
            JsonNode args = Json.MAPPER.readTree(error.substring(2));
            assertEquals("Unknown action", args.get(1).get("message").asText());
        }
    }

    @Test
    void aFloodOfHostileSessionsLeavesNothingBehind() throws Exception {
        int before = openSessions();
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String sid = polling.open();
            sids.add(sid);
            assertEquals("ok", polling.post(sid, "40").body());
        }
        Await.until("40 namespace sessions registered", WAIT, () -> openSessions() >= before + 40);
        List<CompletableFuture<Reply>> garbage = new ArrayList<>();
        for (String sid : sids) {
            garbage.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return polling.post(sid, "4zzz");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(garbage.toArray(CompletableFuture[]::new)).get();
        for (String sid : sids) {
            assertTrue(polling.gone(sid));
        }
        Await.until("every namespace session released", WAIT, () -> openSessions() <= before);
        assertServerStillServes();
    }

    /** A fresh client still gets the whole welcome: handshake, CONNECT, snapshot. */
    private static void assertServerStillServes() throws Exception {
        String sid = polling.open();
        assertEquals("ok", polling.post(sid, "40").body());
        StringBuilder seen = new StringBuilder();
        Await.until("the snapshot", WAIT, () -> {
            try {
                seen.append(polling.poll(sid).body()).append('\u001e');
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return seen.indexOf("42[\"aircraft:snapshot\"") >= 0;
        });
        assertTrue(seen.toString().startsWith("40{\"sid\":"), seen.toString());
        assertEquals("ok", polling.post(sid, "1").body());
    }

    private static int openSessions() {
        return Sessions.open(server);
    }
}
