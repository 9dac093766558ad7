package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
    final List<String> logged = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong();

    final System.Logger capture = new System.Logger() {
        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            logged.add(msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            logged.add(MessageFormat.format(format, params));
        }
    };

    final RateLimitedLog log = new RateLimitedLog(capture, "feed-a", 2, Duration.ofSeconds(10), nanos::get);

    @Test
    void logsAtMostTheLimitPerIntervalAndCountsTheRest() {
        assertTrue(log.warn("one"));
        assertTrue(log.warn("two"));
        assertFalse(log.warn("three"));
        assertFalse(log.warn("four"));
        assertEquals(List.of("[feed-a] one", "[feed-a] two"), logged);
        assertEquals(2, log.suppressed());

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(log.warn("five"));
        assertEquals(List.of("[feed-a] one", "[feed-a] two", "[feed-a] 2 similar warnings suppressed", "[feed-a] five"),
                logged);
        assertEquals(2, log.suppressed(), "the total keeps counting across intervals");
    }

    @Test
    void messagesCannotForgeLogLines() {
        log.warn("bad\nWARNING: forged\r" + "x".repeat(1000));
        String line = logged.get(0);
        assertFalse(line.contains("\n"));
        assertFalse(line.contains("\r"));
        assertTrue(line.length() < 600, "clipped");
    }
}
