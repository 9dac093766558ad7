package io.skyspy.app.socketio;

import io.skyspy.app.support.Await;
import io.skyspy.app.support.TestServer;
import io.skyspy.protocol.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The server's count of open client sessions (raw WebSocket and Socket.IO namespaces), from {@code /health}. */
final class Sessions {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Sessions() {}

    static int open(TestServer server) {
        return health(server).get("connections").get("open").asInt();
    }

    /**
     * Waits until every client session is gone. Tests call it before stopping the server: a
     * session still detaching while the node shuts down holds the shutdown for its timeout.
     */
    static void awaitNone(TestServer server) {
        Await.until("every client session closed", Duration.ofSeconds(10), () -> open(server) == 0);
    }

    /**
     * Waits until simulated aircraft have gone through the sharded entities: a node stopped while
     * its shards are still being allocated holds its shutdown for the region's timeout (10 s).
     */
    static void awaitWarm(TestServer server) {
        Await.until("simulated aircraft", Duration.ofSeconds(20), () -> health(server).path("aircraft_count").asInt() > 0);
    }

    private static com.fasterxml.jackson.databind.JsonNode health(TestServer server) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.http("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
