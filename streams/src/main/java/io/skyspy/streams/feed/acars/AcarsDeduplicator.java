package io.skyspy.streams.feed.acars;

import io.skyspy.protocol.acars.AcarsMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drops the copies of a message seen again within a window (two receivers on one frequency, or
 * acars_router fanning one message out twice), keeping at most {@code capacity} identities: the
 * original's 30 s LRU of 10,000 (FACTS.md 1.8). Not thread-safe: one per listener.
 */
public final class AcarsDeduplicator {
    private final long windowMillis;
    private final int capacity;
    private final LinkedHashMap<String, Long> seen;

    public AcarsDeduplicator(long windowMillis, int capacity) {
        this.windowMillis = windowMillis;
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > AcarsDeduplicator.this.capacity;
            }
        };
    }

    /** True the first time within the window; a copy inside the window is false. */
    public boolean firstSeen(AcarsMessage m, long nowMillis) {
        String key = m.identity();
        Long at = seen.get(key);
        if (at != null && nowMillis - at < windowMillis) {
            return false;
        }
        seen.remove(key);
        seen.put(key, nowMillis);
        return true;
    }
}
