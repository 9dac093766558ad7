package io.skyspy.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.RawWsClient;
import io.skyspy.app.support.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code skyspy.auth.allowed-origins} on every handshake a browser makes: raw WebSocket endpoints,
 * the event sockets and both Socket.IO transports refuse a page from another origin with 403, and
 * let the dashboard's own origin and non-browser clients (no {@code Origin}) in.
 */
class OriginAllowListE2ETest {
    private static final String DASHBOARD = "https://dash.example.org";
    private static final String OTHER = "https://elsewhere.example.com";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("skyspy.auth.allowed-origins = [\"" + DASHBOARD + "\"]\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String handshakeStatus(String path, String origin) throws Exception {
        String header = origin == null ? "" : "Origin: " + origin + "\r\n";
        try (RawWsClient c = new RawWsClient(server.port(), path, header, 0)) {
            String response = c.handshakeResponse();
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ws/aircraft/", "/ws/all/?topics=safety", "/ws/events/geofence/",
            "/socket.io/?EIO=4&transport=websocket"})
    void aPageFromAnotherOriginIsRefusedWith403(String path) throws Exception {
        assertEquals("HTTP/1.1 403 Forbidden", handshakeStatus(path, OTHER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ws/aircraft/", "/ws/all/?topics=safety", "/socket.io/?EIO=4&transport=websocket"})
    void theDashboardsOriginAndClientsWithoutOneAreLetIn(String path) throws Exception {
        assertEquals("HTTP/1.1 101 Switching Protocols", handshakeStatus(path, DASHBOARD));
        assertEquals("HTTP/1.1 101 Switching Protocols", handshakeStatus(path, null));
    }

    @Test
    void socketIoPollingFromAnotherOriginGetsTheProtocolsForbiddenError() throws Exception {
        HttpResponse<String> refused = poll(OTHER);
        assertEquals(403, refused.statusCode());
        assertEquals("{\"code\":4,\"message\":\"Forbidden\"}", refused.body());

        HttpResponse<String> dashboard = poll(DASHBOARD);
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().startsWith("0{\"sid\":"), dashboard.body());
    }

    private static HttpResponse<String> poll(String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.http("/socket.io/?EIO=4&transport=polling"))
                .header("Origin", origin).timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
