package io.skyspy.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.AuthFixture;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Logging in over REST, refreshing, and the CLI's users and keys working against a real server. */
class AuthRestAndCliE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(TestServer s, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(s.http(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loginRefreshAndUseTheTokenOnASocket() throws Exception {
        AuthFixture f = new AuthFixture();
        try (TestServer server = TestServer.start(f.config("private", false))) {
            assertEquals(401, post(server, "/api/auth/token/", "{\"username\":\"alice\",\"password\":\"wrong\"}").statusCode());
            assertEquals(401, post(server, "/api/auth/token/", "{\"username\":\"nobody\",\"password\":\"x\"}").statusCode());
            assertEquals(400, post(server, "/api/auth/token/", "{not json").statusCode());
            HttpResponse<String> ok = post(server, "/api/auth/token/",
                    "{\"username\":\"alice\",\"password\":\"" + AuthFixture.PASSWORD + "\"}");
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode tokens = Json.MAPPER.readTree(ok.body());
            assertEquals("Bearer", tokens.get("token_type").asText());
            assertFalse(ok.body().contains(AuthFixture.PASSWORD));

            HttpResponse<String> refreshed = post(server, "/api/auth/refresh/",
                    "{\"refresh\":\"" + tokens.get("refresh").asText() + "\"}");
            assertEquals(200, refreshed.statusCode());
            String access = Json.MAPPER.readTree(refreshed.body()).get("access").asText();
            // an access token is not a refresh token, and the other way round
            assertEquals(401, post(server, "/api/auth/refresh/", "{\"refresh\":\"" + access + "\"}").statusCode());
            try (WsClient c = WsClient.connect(server.ws("/ws/all/?topics=safety"), "Bearer", tokens.get("refresh").asText())) {
                assertEquals(4001, c.awaitClose(WAIT));
            }
            try (WsClient c = WsClient.connect(server.ws("/ws/audio/?topics=transcriptions"), "Bearer", access)) {
                c.send("{\"action\":\"request\",\"type\":\"session-info\",\"request_id\":\"w\"}");
                JsonNode who = c.awaitType("response", WAIT).get("data");
                assertEquals("alice", who.get("user").asText());
                assertEquals("transcriptions", who.get("topics").get(0).asText(), "alice has the audio permission");
            }
        }
    }

    @Test
    void cliCreatesUsersAndKeysThatTheServerAccepts() throws Exception {
        Path store = Files.createTempDirectory("skyspy-cli").resolve("auth.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, AuthCli.main(new String[] {"users", "add", "bob", "--password", "pw", "--iterations", "1000",
                "--permission", "audio"}, store, print));
        assertEquals(0, AuthCli.main(new String[] {"apikeys", "create", "dashboard"}, store, print));
        String key = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("sk_live_")).findFirst().orElseThrow();
        String stored = Files.readString(store);
        assertFalse(stored.contains(key), "the key is never stored");
        assertFalse(stored.contains("\"pw\""), "the password is never stored");
        assertEquals(2, AuthCli.main(new String[] {"apikeys", "revoke", "nope"}, store, print));

        String config = """
                skyspy.auth.mode = private
                skyspy.auth.store-file = "%s"
                skyspy.auth.jwt.secret = "%s"
                """.formatted(store, AuthFixture.SECRET);
        try (TestServer server = TestServer.start(config)) {
            try (WsClient c = WsClient.connect(server.ws("/ws/all/?topics=safety"), "Bearer", key)) {
                c.send("{\"action\":\"request\",\"type\":\"session-info\",\"request_id\":\"w\"}");
                assertEquals("dashboard", c.awaitType("response", WAIT).get("data").get("user").asText());
            }
            assertEquals(200, post(server, "/api/auth/token/", "{\"username\":\"bob\",\"password\":\"pw\"}").statusCode());
        }
        String id = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("id key:"))
                .map(l -> l.substring(l.indexOf("id key:") + 3, l.length() - 1)).findFirst().orElseThrow();
        assertEquals(0, AuthCli.main(new String[] {"apikeys", "revoke", id}, store, print));
        try (TestServer server = TestServer.start("""
                skyspy.auth.mode = private
                skyspy.auth.store-file = "%s"
                """.formatted(store));
                WsClient c = WsClient.connect(server.ws("/ws/all/"), "Bearer", key)) {
            assertEquals(4001, c.awaitClose(WAIT));
        }
    }
}
