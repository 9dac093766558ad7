package io.skyspy.app.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.AuthFixture;
import io.skyspy.app.support.TestServer;
import io.skyspy.protocol.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official JavaScript client ({@code socket.io-client} 4.x, pinned by
 * {@code src/test/node/package-lock.json}) run by Node against the real server: the scenario in
 * {@code src/test/node/scenario.js} covers every namespace, snapshot, subscribe, streaming,
 * request/response with and without an acknowledgement, the upgrade, auth success (private mode)
 * and each {@code connect_error}, and prints what it saw as one JSON line.
 *
 * <p>Needs {@code node} and {@code npm} on the PATH; a machine without Node skips this class (the
 * Java client tests cover the same scenario). The pinned client is installed with {@code npm ci}
 * on first use when {@code .ci/run} has not done it already.
 */
class NodeClientE2ETest {
    private static final Path SCRIPTS = Path.of("src", "test", "node");
    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node/npm not installed: skipping the JavaScript client");
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules").resolve("socket.io-client"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(SCRIPTS.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(npm.waitFor(3, java.util.concurrent.TimeUnit.MINUTES) && npm.exitValue() == 0,
                    "npm ci in app/src/test/node failed");
        }
        assertTrue(Files.isDirectory(SCRIPTS.resolve("node_modules").resolve("socket.io-client")),
                "the JavaScript client is not installed: run npm ci --prefix app/src/test/node");
        server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 20
                """ + new AuthFixture().config("private", false));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @AfterAll
    static void stop() {
        if (server == null) {
            return;
        }
        Sessions.awaitNone(server);
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling"})
    void officialClientScenario(String mode) throws Exception {
        JsonNode r = run("scenario.js", "http://127.0.0.1:" + server.port(), mode,
                AuthFixture.validJwt("user:alice", "audio"), AuthFixture.validJwt("user:bob"), AuthFixture.badlySignedJwt());
        assertTrue(r.path("ok").asBoolean(), r.toString());
        assertTrue(r.get("snapshotHasSeq").asBoolean());
        assertEquals("aircraft", r.get("subscribed").get(0).asText());
        assertTrue(r.get("batchCount").asInt() > 0);
        assertEquals("aircraft-stats", r.get("responseType").asText());
        assertEquals("response", r.get("ackType").asText());
        assertEquals("js-2", r.get("ackRequestId").asText());
        assertEquals("Missing parameter", r.get("errorAck").asText());
        assertEquals("websocket", r.get("transport").asText(), "over polling the client must have upgraded");
        assertTrue(r.get("audioSnapshot").asBoolean());
        assertTrue(r.get("cannonballSession").asBoolean());
        assertTrue(r.get("acarsConnected").asBoolean());
        assertEquals(ConnectGuard.AUTHENTICATION_REQUIRED, r.get("noTokenError").asText());
        assertEquals("Invalid token", r.get("forgedTokenError").asText());
        assertEquals("Permission denied", r.get("noAudioPermissionError").asText());
        assertEquals("Invalid namespace", r.get("unknownNamespaceError").asText());
        assertEquals("io client disconnect", r.get("disconnectReason").asText());
    }

    /** Runs a script with a deadline and returns the JSON line it printed last. */
    static JsonNode run(String script, String... args) throws IOException, InterruptedException {
        File out = File.createTempFile("sio-node", ".out");
        try {
            List<String> command = new java.util.ArrayList<>(List.of("node", script));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command)
                    .directory(SCRIPTS.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out)
                    .start();
            if (!p.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(script + " did not finish within " + DEADLINE + ":\n"
                        + Files.readString(out.toPath(), StandardCharsets.UTF_8));
            }
            String output = Files.readString(out.toPath(), StandardCharsets.UTF_8).strip();
            String last = output.substring(output.lastIndexOf('\n') + 1);
            try {
                return Json.MAPPER.readTree(last);
            } catch (IOException e) {
                throw new AssertionError(script + " (exit " + p.exitValue() + ") printed no result:\n" + output, e);
            }
        } finally {
            Files.deleteIfExists(out.toPath());
        }
    }
}
