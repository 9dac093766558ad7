package io.skyspy.app.bench;

/**
 * The measurement window, shared by all reactor threads: throughput and latency count frames
 * received inside {@code [start, end)}; completeness counts batches stamped inside it and received
 * before {@code end + grace}. Unset (Long.MAX_VALUE) until the window opens.
 */
final class Window {
    private volatile long start = Long.MAX_VALUE;
    private volatile long end = Long.MAX_VALUE;
    private volatile long graceEnd = Long.MAX_VALUE;

    void open(long startMillis, long durationMillis, long graceMillis) {
        end = startMillis + durationMillis;
        graceEnd = end + graceMillis;
        start = startMillis;
    }

    boolean receivedInside(long nowMillis) {
        return nowMillis >= start && nowMillis < end;
    }

    boolean countsForCompleteness(long stampMillis, long nowMillis) {
        return stampMillis >= start && stampMillis < end && nowMillis < graceEnd;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }
}
