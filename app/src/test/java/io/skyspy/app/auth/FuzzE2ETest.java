package io.skyspy.app.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated frames at one connection: it must never be closed (the
 * documented reasons — size, rate — are switched off here) and must keep answering; every
 * frame that is not a valid request gets an error, never silence or a crash.
 */
class FuzzE2ETest {
    private static final List<String> SEEDS = List.of(
            "{\"action\":\"subscribe\",\"topics\":[\"aircraft\"]}",
            "{\"action\":\"unsubscribe\",\"topics\":[\"aircraft\",\"safety\"]}",
            "{\"action\":\"ping\"}",
            "{\"action\":\"request\",\"type\":\"aircraft-info\",\"request_id\":\"r\",\"params\":{\"icao\":\"A1B2C3\"}}",
            "{\"action\":\"request\",\"type\":\"aircraft_list\",\"params\":{\"min_altitude\":\"x\",\"military_only\":[1]}}",
            "{\"type\":\"auth\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.x\"}",
            "{\"action\":\"request\",\"type\":\"aircraft-info-bulk\",\"params\":{\"icaos\":[1,null,{}]}}");
    private static final String CHARS = "{}[]\":,\\ abcdefxyz0123456789.-+eE\u0000\u00e9\u6f22truefalsenull";

    @Test
    void randomAndMutatedFramesNeverBreakTheConnection() {
        try (TestServer server = TestServer.start("""
                skyspy.feeds = ["sim"]
                skyspy.simulator.aircraft-count = 10
                skyspy.limits.messages-per-second = 100000
                skyspy.limits.message-burst = 100000
                """);
                WsClient c = WsClient.connect(server.ws("/ws/all/?topics=safety"))) {
            Random random = new Random(42);
            for (int i = 0; i < 3000; i++) {
                c.send(frame(random));
                if (i % 500 == 499) {
                    c.drain();
                    c.send("{\"action\":\"ping\"}");
                    c.awaitType("pong", Duration.ofSeconds(15));
                }
            }
            c.send("{\"action\":\"request\",\"type\":\"session-info\",\"request_id\":\"end\"}");
            c.await(r -> r.json() != null && "end".equals(r.json().path("request_id").asText()), Duration.ofSeconds(15));
            assertFalse(c.closed(), "the server closed a connection for fuzz input");
            assertTrue(c.drain().stream().allMatch(r -> r.json() != null), "every reply is JSON");
        }
    }

    private static String frame(Random r) {
        switch (r.nextInt(4)) {
            case 0 -> {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(200);
                for (int i = 0; i < n; i++) {
                    sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
                }
                return sb.toString();
            }
            case 1 -> {
                char[] s = SEEDS.get(r.nextInt(SEEDS.size())).toCharArray();
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    s[r.nextInt(s.length)] = CHARS.charAt(r.nextInt(CHARS.length()));
                }
                return new String(s);
            }
            case 2 -> {
                String s = SEEDS.get(r.nextInt(SEEDS.size()));
                return s.substring(0, r.nextInt(s.length()));
            }
            default -> {
                return "{\"action\":\"" + "x".repeat(r.nextInt(5)) + "\",\"n\":" + "[".repeat(r.nextInt(80)) + "}";
            }
        }
    }
}
