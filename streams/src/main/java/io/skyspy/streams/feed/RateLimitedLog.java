package io.skyspy.streams.feed;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Warnings of one feed, at most {@code limit} per interval. A receiver spewing garbage must not
 * turn into a log flood; what is held back is counted and reported when the next interval opens.
 *
 * <p>Uses {@link System.Logger} so the streams module needs no logging dependency; the app routes
 * it to its logging backend.
 */
public final class RateLimitedLog {
    private static final System.Logger DEFAULT_LOGGER = System.getLogger("io.skyspy.streams.feed");

    private final System.Logger logger;
    private final String feed;
    private final int limit;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong suppressedTotal = new AtomicLong();

    // Guarded by this; the critical section is a few field updates.
    private long windowStart;
    private int loggedInWindow;
    private long suppressedInWindow;

    public RateLimitedLog(String feed, int limit, Duration interval) {
        this(DEFAULT_LOGGER, feed, limit, interval, System::nanoTime);
    }

    RateLimitedLog(System.Logger logger, String feed, int limit, Duration interval, LongSupplier nanoTime) {
        if (limit < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("limit must be >= 1 and interval positive");
        }
        this.logger = Objects.requireNonNull(logger, "logger");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.limit = limit;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    /** Logs the warning unless this interval's quota is used up; true when it was logged. */
    public boolean warn(String message) {
        long held;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            held = 0;
            if (now - windowStart >= intervalNanos) {
                held = suppressedInWindow;
                windowStart = now;
                loggedInWindow = 0;
                suppressedInWindow = 0;
            }
            if (loggedInWindow >= limit) {
                suppressedInWindow++;
                suppressedTotal.incrementAndGet();
                return false;
            }
            loggedInWindow++;
        }
        if (held > 0) {
            logger.log(Level.WARNING, "[{0}] {1} similar warnings suppressed", feed, held);
        }
        logger.log(Level.WARNING, "[{0}] {1}", feed, Texts.forLog(message, 500));
        return true;
    }

    /** Not rate limited: for rare events such as a connection coming up. */
    public void info(String message) {
        logger.log(Level.INFO, "[{0}] {1}", feed, Texts.forLog(message, 500));
    }

    public long suppressed() {
        return suppressedTotal.get();
    }
}
