package io.skyspy.app.bench;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one reactor thread measured. Written only by its thread; read by the main thread after
 * the reactors stopped counting (the window and grace are over), so no locking on the hot path.
 */
final class ReactorStats {
    /** batch timestamp to receipt, milliseconds, frames received inside the window */
    final Histogram latencyMillis = new Histogram(3_600_000L, 3);
    long frames;
    long deltas;
    long bytes;
    /** batches stamped inside the window, by seq (or timestamp for servers without seq): their count */
    final Map<Long, Integer> produced = new HashMap<>();

    void merge(ReactorStats other) {
        latencyMillis.add(other.latencyMillis);
        frames += other.frames;
        deltas += other.deltas;
        bytes += other.bytes;
        other.produced.forEach(produced::putIfAbsent);
    }
}
