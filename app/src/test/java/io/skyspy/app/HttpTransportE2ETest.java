package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both transports under pekko-http (skyspy.http.transport): the same routes, WebSockets and
 * pekko.http.server settings, whichever one carries the bytes.
 */
class HttpTransportE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static TestServer start(String transport, String more) {
        return TestServer.start("skyspy.http.transport = " + transport + "\n" + more);
    }

    private static Socket connect(TestServer server) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** pekko-io aborts an idle connection (RST), nio closes it (FIN): either way it is gone. */
    private static void assertClosedByServer(Socket socket) throws Exception {
        try {
            assertEquals(-1, socket.getInputStream().read(), "closed by the server");
        } catch (SocketException reset) {
            assertTrue(reset.getMessage().contains("reset"), reset.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "pekko-io"})
    void servesHttpAndWebSockets(String transport) throws Exception {
        try (TestServer server = start(transport, "")) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.http("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            try (WsClient ws = WsClient.connect(server.ws("/ws/aircraft/"))) {
                assertEquals("aircraft:snapshot", ws.awaitType("aircraft:snapshot", WAIT).get("type").asText());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "pekko-io"})
    void closesConnectionsIdleLongerThanTheIdleTimeout(String transport) throws Exception {
        try (TestServer server = start(transport, "pekko.http.server.idle-timeout = 1s");
                Socket silent = connect(server)) {
            long start = System.nanoTime();
            assertClosedByServer(silent);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 900, "not before the idle timeout: " + waited + " ms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "pekko-io"})
    void answersPipelinedRequestsAndClosesWhenAsked(String transport) throws Exception {
        try (TestServer server = start(transport, ""); Socket socket = connect(server)) {
            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String both = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(both.startsWith("HTTP/1.1 200 OK"), both);
            assertTrue(both.contains("HTTP/1.1 404 Not Found"), both);
        }
    }
}
