package io.skyspy.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load generator against the real server on a random port: a few clients for a few seconds.
 * Asserts completeness only (every client got every batch the server produced, in sequence);
 * no timing, since CI machines vary.
 */
class LoadGeneratorSmokeTest {

    @Test
    void aFewClientsGetEveryBatchTheServerProduced() throws Exception {
        try (TestServer server = TestServer.start("skyspy.simulator.aircraft-count = 20")) {
            BenchOptions o = BenchOptions.parse(new String[] {
                "--url", "ws://127.0.0.1:" + server.port() + "/", "--clients", "5", "--rate", "50", "--threads", "1",
                "--aircraft", "20", "--warmup", "1", "--duration", "3", "--grace", "2", "--json"});
            Map<String, Object> r = LoadGenerator.run(o).json;

            assertEquals(5L, ((Number) r.get("connected")).longValue(), "all clients subscribed: " + r);
            assertEquals(0L, ((Number) r.get("connect_failures")).longValue(), r.toString());
            assertEquals(0L, ((Number) r.get("dropped_during_run")).longValue(), r.toString());
            assertTrue(((Number) r.get("produced_deltas")).longValue() > 0, "the simulator produced deltas: " + r);
            assertEquals(100.0, ((Number) r.get("completeness_pct")).doubleValue(), 1e-9, r.toString());
            assertEquals(100.0, ((Number) r.get("min_client_completeness_pct")).doubleValue(), 1e-9, r.toString());
            assertEquals(0L, ((Number) r.get("seq_gaps")).longValue(), "no batch was skipped: " + r);
        }
    }
}
