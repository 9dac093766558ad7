package io.skyspy.app.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.Await;
import io.skyspy.app.support.AuthFixture;
import io.skyspy.app.support.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Java Socket.IO client against the real server and its simulator (private auth mode), over a
 * WebSocket from the start and over polling with the upgrade: every namespace, subscriptions,
 * streaming, request/response with and without an acknowledgement, auth success and every
 * {@code connect_error} (no token, a forged token, no audio permission, an unknown namespace).
 */
class JavaClientE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    // private mode: a valid token is required, and /audio needs the audio permission
    private static final Map<String, String> TOKEN = Map.of("token", AuthFixture.validJwt("user:alice", "audio"));
    private static TestServer server;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 20
                """ + new AuthFixture().config("private", false));
        base = server.http("/");
    }

    @AfterAll
    static void stop() {
        Sessions.awaitNone(server);
        server.close();
    }

    @ParameterizedTest
    @EnumSource(JavaSioClient.Mode.class)
    void mainNamespaceSnapshotSubscribeStreamAndRequests(JavaSioClient.Mode mode) throws Exception {
        try (JavaSioClient c = JavaSioClient.connect(base, "/", mode, TOKEN)) {
            c.await("connect", WAIT);
            JSONObject snapshot = (JSONObject) c.await("aircraft:snapshot", WAIT).arg();
            assertTrue(snapshot.has("aircraft") && snapshot.has("seq"), snapshot.toString());

            c.emit("subscribe", new JSONObject().put("topics", new JSONArray().put("aircraft").put("bogus")));
            JSONObject subscribed = (JSONObject) c.await("subscribed", WAIT).arg();
            assertEquals("aircraft", subscribed.getJSONArray("topics").getString(0));
            assertEquals("bogus", subscribed.getJSONArray("invalid_topics").getString(0));

            JSONObject batch = (JSONObject) c.await("batch", WAIT).arg();
            assertEquals(batch.getInt("count"), batch.getJSONArray("messages").length());

            c.emit("request", new JSONObject().put("type", "aircraft-stats").put("request_id", "j1"));
            JSONObject response = (JSONObject) c.await("response", r -> "j1".equals(((JSONObject) r).optString("request_id")), WAIT).arg();
            assertEquals("aircraft-stats", response.getString("request_type"));
            assertTrue(response.has("data"));

            Object[] ack = c.emitWithAck("request", new JSONObject().put("type", "aircraft-stats").put("request_id", "j2"), WAIT);
            JSONObject acked = (JSONObject) ack[0];
            assertEquals("response", acked.getString("type"));
            assertEquals("j2", acked.getString("request_id"));

            Object[] refused = c.emitWithAck("request", new JSONObject().put("type", "weather-on-mars").put("request_id", "j3"), WAIT);
            assertEquals("Unknown request type", ((JSONObject) refused[0]).getString("message"));

            c.emit("unsubscribe", "aircraft");
            assertEquals("aircraft", ((JSONObject) c.await("unsubscribed", WAIT).arg()).getJSONArray("topics").getString(0));
            if (mode == JavaSioClient.Mode.POLLING_THEN_UPGRADE) {
                c.emit("subscribe", new JSONObject().put("topics", new JSONArray().put("aircraft")));
                Await.until("the upgrade to WebSocket", WAIT, c::upgraded);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(JavaSioClient.Mode.class)
    void dedicatedNamespaces(JavaSioClient.Mode mode) throws Exception {
        try (JavaSioClient audio = JavaSioClient.connect(base, "/audio", mode, TOKEN);
                JavaSioClient cannonball = JavaSioClient.connect(base, "/cannonball", mode, TOKEN);
                JavaSioClient acars = JavaSioClient.connect(base, "/acars", mode, TOKEN)) {
            JSONObject snapshot = (JSONObject) audio.await("audio:snapshot", WAIT).arg();
            assertTrue(snapshot.has("transmissions"));
            JSONObject started = (JSONObject) cannonball.await("session_started", WAIT).arg();
            assertFalse(started.optString("session_id").isEmpty());
            // cannonball's messages are events here: the phone's fix in, the threats around it out
            cannonball.emit("position_update", new JSONObject(Map.of("lat", 34.05, "lon", -118.25)));
            JSONObject threats = (JSONObject) cannonball.await("threats", WAIT).arg();
            assertEquals(34.05, threats.getJSONObject("position").getDouble("lat"));
            assertEquals(threats.getJSONArray("data").length(), threats.getInt("count"));
            cannonball.emit("set_radius", new JSONObject(Map.of("radius_nm", 10)));
            assertEquals(10, ((JSONObject) cannonball.await("radius_updated", WAIT).arg()).getInt("radius_nm"));
            acars.await("connect", WAIT);
            assertTrue(acars.connected());
        }
    }

    @ParameterizedTest
    @EnumSource(JavaSioClient.Mode.class)
    void refusedConnections(JavaSioClient.Mode mode) throws Exception {
        try (JavaSioClient anonymous = JavaSioClient.connect(base, "/", mode, Map.of());
                JavaSioClient forged = JavaSioClient.connect(base, "/", mode, Map.of("token", AuthFixture.badlySignedJwt()));
                JavaSioClient noAudio = JavaSioClient.connect(base, "/audio", mode, Map.of("token", AuthFixture.validJwt("user:bob")));
                JavaSioClient unknown = JavaSioClient.connect(base, "/no-such-namespace", mode, TOKEN)) {
            assertEquals(ConnectGuard.AUTHENTICATION_REQUIRED, message(anonymous));
            assertEquals("Invalid token", message(forged));
            assertEquals("Permission denied", message(noAudio));
            assertEquals("Invalid namespace", message(unknown));
            assertFalse(anonymous.connected());
        }
    }

    private static String message(JavaSioClient c) throws Exception {
        return ((JSONObject) c.await("connect_error", WAIT).arg()).getString("message");
    }
}
