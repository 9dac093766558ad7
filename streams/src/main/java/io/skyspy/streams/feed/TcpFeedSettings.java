package io.skyspy.streams.feed;

import java.time.Duration;
import java.util.Objects;

/** What the reconnecting TCP line client needs; implemented by the settings of each TCP feed. */
interface TcpFeedSettings {
    String sourceName();

    String host();

    int port();

    /** Longer lines are skipped and counted as rejected. */
    int maxLineLength();

    /** How long to wait for a receiver that does not answer the connect. */
    Duration connectTimeout();

    /** Reconnect when nothing arrived for this long (heartbeats count); zero disables. */
    Duration idleTimeout();

    Duration minBackoff();

    Duration maxBackoff();

    /** Jitter added to each backoff, 0.2 = up to 20 %, so many feeds do not reconnect in step. */
    double randomFactor();

    default String target() {
        return host() + ":" + port();
    }

    /** Called from the records' compact constructors, before their fields are assigned. */
    static void check(
            String sourceName,
            String host,
            int port,
            int maxLineLength,
            Duration connectTimeout,
            Duration idleTimeout,
            Duration minBackoff,
            Duration maxBackoff,
            double randomFactor) {
        Objects.requireNonNull(sourceName, "sourceName");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive");
        }
        positive(connectTimeout, "connectTimeout");
        if (idleTimeout == null || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be zero or positive");
        }
        positive(minBackoff, "minBackoff");
        positive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be below minBackoff");
        }
        if (!(randomFactor >= 0 && randomFactor <= 1)) {
            throw new IllegalArgumentException("randomFactor must be in [0, 1]");
        }
    }

    static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
