package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeedStatusTest {
    final Clock clock = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    final FeedStatus status = new FeedStatus(
            "dc", "sbs", "10.0.0.5:30003", clock, new RateLimitedLog("dc", 1, Duration.ofMinutes(1)));

    @Test
    void freshStatusForHealth() {
        Map<String, Object> m = status.toMap();
        assertEquals("dc", m.get("name"));
        assertEquals("sbs", m.get("kind"));
        assertEquals("10.0.0.5:30003", m.get("target"));
        assertEquals("STARTING", m.get("state"));
        assertEquals(0L, m.get("reportsAccepted"));
        assertNull(m.get("lastReportAt"));
        assertNull(m.get("lastError"));
    }

    @Test
    void countsAndTimes() {
        status.onConnected();
        status.onAccepted();
        status.onRejected("lat outside [-90, 90]");
        status.onIgnored();
        status.onFailure("connection closed by 10.0.0.5:30003");
        Map<String, Object> m = status.toMap();
        assertEquals("RECONNECTING", m.get("state"));
        assertEquals(1L, m.get("connects"));
        assertEquals(1L, m.get("reportsAccepted"));
        assertEquals(1L, m.get("rejected"));
        assertEquals(1L, m.get("ignored"));
        assertEquals(1L, m.get("failures"));
        assertEquals("2024-05-01T12:00:00.000Z", m.get("lastReportAt"));
        assertEquals("connection closed by 10.0.0.5:30003", m.get("lastError"));
        assertEquals("lat outside [-90, 90]", m.get("lastRejection"));
    }

    @Test
    void aStoppedFeedStaysStoppedWhateverLateCallbacksSay() {
        status.onStopped();
        status.onFailure("connection closed");
        status.onConnected();
        assertEquals(FeedStatus.State.STOPPED, status.state());
        status.onStarting(); // materialized again
        status.onPolled();
        assertEquals(FeedStatus.State.POLLING, status.state());
    }

    @Test
    void countersAreSafeUnderConcurrentWriters() throws Exception {
        CompletableFuture<?>[] writers = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < 10_000; n++) {
                        status.onAccepted();
                        status.onRejected("x");
                    }
                }))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(writers).get(5, TimeUnit.SECONDS);
        assertEquals(80_000, status.reportsAccepted());
        assertEquals(80_000, status.rejected());
    }
}
