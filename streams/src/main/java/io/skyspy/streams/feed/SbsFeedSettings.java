package io.skyspy.streams.feed;

import java.time.Duration;

/**
 * An SBS-1 / BaseStation TCP feed (dump1090 / readsb {@code --net-sbs-port}, usually 30003).
 *
 * @param sourceName the name reports carry and /health shows
 * @param maxLineLength SBS lines are about 150 bytes; longer ones are garbage
 * @param idleTimeout dump1090 and readsb send a heartbeat line at least every minute by default
 */
public record SbsFeedSettings(
        String sourceName,
        String host,
        int port,
        int maxLineLength,
        Duration connectTimeout,
        Duration idleTimeout,
        Duration minBackoff,
        Duration maxBackoff,
        double randomFactor)
        implements TcpFeedSettings {

    public static final int DEFAULT_PORT = 30003;

    public SbsFeedSettings {
        TcpFeedSettings.check(
                sourceName, host, port, maxLineLength, connectTimeout, idleTimeout, minBackoff, maxBackoff,
                randomFactor);
    }

    public static SbsFeedSettings defaults(String sourceName, String host) {
        return defaults(sourceName, host, DEFAULT_PORT);
    }

    public static SbsFeedSettings defaults(String sourceName, String host, int port) {
        return new SbsFeedSettings(
                sourceName, host, port, 4096,
                Duration.ofSeconds(10), Duration.ofMinutes(3),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    }

    public SbsFeedSettings withBackoff(Duration min, Duration max, double randomFactor) {
        return new SbsFeedSettings(
                sourceName, host, port, maxLineLength, connectTimeout, idleTimeout, min, max, randomFactor);
    }

    public SbsFeedSettings withMaxLineLength(int maxLineLength) {
        return new SbsFeedSettings(
                sourceName, host, port, maxLineLength, connectTimeout, idleTimeout, minBackoff, maxBackoff,
                randomFactor);
    }
}
