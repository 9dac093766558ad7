package io.skyspy.streams.feed;

import java.time.Duration;

/**
 * readsb's TCP JSON stream ({@code --net-json-port}, usually 30047): one aircraft object per line.
 *
 * @param sourceName the name reports carry and /health shows
 * @param maxLineLength one aircraft object is 1-2 KB even with an ACAS RA; 64 KB leaves room
 * @param idleTimeout reconnect after this much silence; readsb sends nothing while no aircraft is
 *     in range, so this is long
 */
public record ReadsbJsonStreamFeedSettings(
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

    public static final int DEFAULT_PORT = 30047;

    public ReadsbJsonStreamFeedSettings {
        TcpFeedSettings.check(
                sourceName, host, port, maxLineLength, connectTimeout, idleTimeout, minBackoff, maxBackoff,
                randomFactor);
    }

    public static ReadsbJsonStreamFeedSettings defaults(String sourceName, String host) {
        return defaults(sourceName, host, DEFAULT_PORT);
    }

    public static ReadsbJsonStreamFeedSettings defaults(String sourceName, String host, int port) {
        return new ReadsbJsonStreamFeedSettings(
                sourceName, host, port, 65_536,
                Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    }

    public ReadsbJsonStreamFeedSettings withBackoff(Duration min, Duration max, double randomFactor) {
        return new ReadsbJsonStreamFeedSettings(
                sourceName, host, port, maxLineLength, connectTimeout, idleTimeout, min, max, randomFactor);
    }

    public ReadsbJsonStreamFeedSettings withMaxLineLength(int maxLineLength) {
        return new ReadsbJsonStreamFeedSettings(
                sourceName, host, port, maxLineLength, connectTimeout, idleTimeout, minBackoff, maxBackoff,
                randomFactor);
    }
}
