package io.skyspy.streams.feed;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Polling an {@code aircraft.json} over HTTP (readsb / tar1090 {@code /data/aircraft.json},
 * piaware {@code /skyaware/data/aircraft.json}).
 *
 * @param sourceName the name reports carry and /health shows
 * @param interval time between polls; readsb rewrites the file every second
 * @param requestTimeout a poll that takes longer counts as failed; the next tick tries again
 * @param maxDocumentBytes a larger response counts as a failed poll. Pekko's client also caps
 *     responses at {@code pekko.http.client.parsing.max-content-length} (8 MiB by default)
 */
public record ReadsbPollFeedSettings(
        String sourceName, String url, Duration interval, Duration requestTimeout, long maxDocumentBytes) {

    public ReadsbPollFeedSettings {
        Objects.requireNonNull(sourceName, "sourceName");
        URI uri = URI.create(Objects.requireNonNull(url, "url"));
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("url must be http or https: " + url);
        }
        TcpFeedSettings.positive(interval, "interval");
        TcpFeedSettings.positive(requestTimeout, "requestTimeout");
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive");
        }
    }

    public static ReadsbPollFeedSettings defaults(String sourceName, String url) {
        return new ReadsbPollFeedSettings(sourceName, url, Duration.ofSeconds(1), Duration.ofSeconds(5), 8L << 20);
    }

    public ReadsbPollFeedSettings withInterval(Duration interval, Duration requestTimeout) {
        return new ReadsbPollFeedSettings(sourceName, url, interval, requestTimeout, maxDocumentBytes);
    }
}
