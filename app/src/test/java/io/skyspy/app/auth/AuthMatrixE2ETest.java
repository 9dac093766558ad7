package io.skyspy.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.AuthFixture;
import io.skyspy.app.support.RawWsClient;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import io.skyspy.protocol.CloseCodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mode × every way of presenting a token × valid / expired / badly signed / wrong audience
 * / revoked key, with the exact outcome: accepted with the right identity, accepted as anonymous,
 * or closed with 4001 after an "Invalid token" error.
 */
class AuthMatrixE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static AuthFixture fixture;
    private static final Map<String, TestServer> servers = new java.util.LinkedHashMap<>();

    enum Method { BEARER, ACCESS_TOKEN, QUERY, IN_BAND }

    enum Credential {
        VALID_JWT(f -> AuthFixture.validJwt("user:alice", "audio"), true),
        VALID_KEY(f -> f.liveKey, true),
        EXPIRED(f -> AuthFixture.expiredJwt(), false),
        BAD_SIGNATURE(f -> AuthFixture.badlySignedJwt(), false),
        WRONG_AUDIENCE(f -> AuthFixture.wrongAudienceJwt(), false),
        REVOKED_KEY(f -> f.revokedKey, false);

        final Function<AuthFixture, String> token;
        final boolean valid;

        Credential(Function<AuthFixture, String> token, boolean valid) {
            this.token = token;
            this.valid = valid;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = new AuthFixture();
        servers.put("public", TestServer.start(fixture.config("public", false)));
        servers.put("hybrid", TestServer.start(fixture.config("hybrid", false)));
        servers.put("hybrid-reject", TestServer.start(fixture.config("hybrid", true)));
        servers.put("private", TestServer.start(fixture.config("private", false)));
    }

    @AfterAll
    static void stop() {
        servers.values().forEach(TestServer::close);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (String mode : List.of("public", "hybrid", "hybrid-reject", "private")) {
            for (Method m : Method.values()) {
                for (Credential c : Credential.values()) {
                    out.add(Arguments.of(mode, m, c));
                }
            }
        }
        return out.stream();
    }

    private static WsClient connect(TestServer server, Method method, String token) {
        return switch (method) {
            case BEARER -> WsClient.connect(server.ws("/ws/all/?topics=safety"), "Bearer", token);
            case ACCESS_TOKEN -> WsClient.connect(server.ws("/ws/all/?topics=safety"), "access_token", token);
            case QUERY -> WsClient.connect(server.ws("/ws/all/?topics=safety&token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            case IN_BAND -> {
                WsClient c = WsClient.connect(server.ws("/ws/all/?topics=safety"));
                c.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
                yield c;
            }
        };
    }

    private static JsonNode sessionInfo(WsClient c) {
        c.send("{\"action\":\"request\",\"type\":\"session-info\",\"request_id\":\"who\"}");
        return c.await(r -> r.json() != null && "who".equals(r.json().path("request_id").asText())
                && "response".equals(r.json().path("type").asText()), WAIT).json().get("data");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void outcome(String mode, Method method, Credential credential) {
        TestServer server = servers.get(mode);
        boolean rejects = mode.equals("private") || mode.equals("hybrid-reject");
        try (WsClient c = connect(server, method, credential.token.apply(fixture))) {
            if (credential.valid) {
                JsonNode who = sessionInfo(c);
                assertTrue(who.get("authenticated").asBoolean(), who.toString());
                assertFalse(c.closed());
            } else if (rejects) {
                assertEquals("Invalid token", c.awaitType("error", WAIT).get("message").asText());
                assertEquals(CloseCodes.UNAUTHORIZED, c.awaitClose(WAIT));
            } else {
                if (method == Method.IN_BAND) {
                    assertEquals("Invalid token", c.awaitType("error", WAIT).get("message").asText());
                }
                JsonNode who = sessionInfo(c);
                assertFalse(who.get("authenticated").asBoolean(), "invalid tokens are anonymous: " + who);
                assertFalse(c.closed());
            }
        }
    }

    @Test
    void privateModeWithoutAnyTokenClosesWith4001AfterTheDeadline() {
        try (WsClient c = WsClient.connect(servers.get("private").ws("/ws/all/"))) {
            c.send("{\"action\":\"subscribe\",\"topics\":[\"aircraft\"]}");
            assertEquals("Permission denied", c.awaitType("error", WAIT).get("message").asText());
            assertEquals(CloseCodes.UNAUTHORIZED, c.awaitClose(WAIT));
        }
    }

    @Test
    void theSubprotocolIsSelectedAndTheTokenNeverEchoed() throws Exception {
        String token = AuthFixture.validJwt("user:alice");
        for (String marker : List.of("Bearer", "access_token")) {
            try (RawWsClient raw = new RawWsClient(servers.get("private").port(), "/ws/all/",
                    "Sec-WebSocket-Protocol: " + marker + ", " + token + "\r\n", 0)) {
                String response = raw.handshakeResponse();
                assertTrue(response.startsWith("HTTP/1.1 101"), response);
                assertTrue(response.contains("Sec-WebSocket-Protocol: " + marker + "\r\n"), response);
                assertFalse(response.contains(token), "the token must not be echoed");
            }
        }
    }

    @Test
    void hybridAnonymousIsDeniedAudioButKeepsTheSocket() {
        try (WsClient c = WsClient.connect(servers.get("hybrid").ws("/ws/audio/?topics=none"))) {
            c.send("{\"action\":\"subscribe\",\"topics\":[\"transcriptions\"]}");
            assertEquals("Permission denied", c.awaitType("error", WAIT).get("message").asText());
            c.send("{\"action\":\"ping\"}");
            c.awaitType("pong", WAIT);
        }
        try (WsClient c = WsClient.connect(servers.get("hybrid").ws("/ws/audio/?topics=none"), "Bearer", fixture.audioKey)) {
            c.send("{\"action\":\"subscribe\",\"topics\":[\"transcriptions\"]}");
            assertEquals("transcriptions", c.awaitType("subscribed", WAIT).get("topics").get(0).asText());
        }
    }

    @Test
    void adminChannelClosesNonAdminsWith4003AndStreamsStatusToAdmins() {
        try (WsClient c = WsClient.connect(servers.get("hybrid").ws("/ws/admin/"), "Bearer", fixture.liveKey)) {
            assertEquals(CloseCodes.FORBIDDEN, c.awaitClose(WAIT));
        }
        try (WsClient c = WsClient.connect(servers.get("hybrid").ws("/ws/admin/"))) {
            assertEquals(CloseCodes.FORBIDDEN, c.awaitClose(WAIT));
        }
        String admin = AuthFixture.jwt("user:root", java.time.Instant.now().plusSeconds(600), AuthFixture.SECRET, "skyspy", "admin");
        try (WsClient c = WsClient.connect(servers.get("hybrid").ws("/ws/admin/"), "Bearer", admin)) {
            JsonNode status = c.awaitType("system", Duration.ofSeconds(15));
            assertEquals("status", status.get("event").asText());
            assertEquals("online", status.get("data").get("status").asText());
        }
    }

    @Test
    void aTokenThatExpiresOnAnOpenSocketEndsItWith4001UnlessRefreshed() {
        TestServer server = servers.get("private");
        String shortLived = AuthFixture.jwt("user:alice", java.time.Instant.now().plusSeconds(2), AuthFixture.SECRET, "skyspy");
        try (WsClient expiring = WsClient.connect(server.ws("/ws/all/?topics=safety"), "Bearer", shortLived);
                WsClient refreshed = WsClient.connect(server.ws("/ws/all/?topics=safety"), "Bearer", shortLived)) {
            refreshed.send("{\"action\":\"auth\",\"token\":\"" + AuthFixture.validJwt("user:alice") + "\"}");
            assertTrue(refreshed.awaitType("auth", WAIT).get("data").get("authenticated").asBoolean());
            assertEquals(CloseCodes.UNAUTHORIZED, expiring.awaitClose(WAIT));
            refreshed.send("{\"action\":\"ping\"}");
            refreshed.awaitType("pong", WAIT);
            assertFalse(refreshed.closed());
        }
    }
}
