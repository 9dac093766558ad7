package io.skyspy.streams.hub;

import java.time.Duration;

/**
 * Batching and rate settings of the aircraft hub; defaults are the spec's.
 *
 * @param window batch collection window ({@code window_ms}, 200)
 * @param maxBatchSize messages per batch ({@code max_size}, 50)
 * @param maxBatchBytes bytes per batch frame ({@code max_bytes}, 1 MB)
 * @param deltaRateHz {@code aircraft:delta} per aircraft per client (10 Hz)
 * @param updateInterval how often the full list ({@code aircraft:update}) goes out (2 s)
 * @param updateRateHz the most {@code aircraft:update} frames per second, whatever the interval (10 Hz)
 * @param heartbeatInterval {@code aircraft:heartbeat} period (5 s)
 * @param inputBuffer events waiting for the hub before new ones are counted as dropped
 */
public record HubSettings(
        Duration window,
        int maxBatchSize,
        int maxBatchBytes,
        double deltaRateHz,
        Duration updateInterval,
        double updateRateHz,
        Duration heartbeatInterval,
        int inputBuffer) {

    public static HubSettings defaults() {
        return new HubSettings(Duration.ofMillis(200), 50, 1024 * 1024, 10.0,
                Duration.ofSeconds(2), 10.0, Duration.ofSeconds(5), 16384);
    }
}
