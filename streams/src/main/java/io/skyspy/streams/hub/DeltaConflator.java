package io.skyspy.streams.hub;

import io.skyspy.protocol.model.AircraftEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects aircraft events between two batches and applies the per-aircraft rate limit.
 *
 * <p>Events for one aircraft merge while they wait (two deltas become one with the later values,
 * new + delta stays new, new + remove cancels out), so a batch holds at most one message per
 * aircraft. A delta is held back until {@code minInterval} has passed since that aircraft's last
 * delta left, which caps {@code aircraft:delta} at the configured rate per aircraft for every
 * client at once. New and remove are never held back. Not thread-safe: one hub stage owns it.
 */
public final class DeltaConflator {
    private final long minIntervalMillis;
    private final LinkedHashMap<String, AircraftEvent> pending = new LinkedHashMap<>();
    private final Map<String, Long> lastSent = new HashMap<>();

    public DeltaConflator(long minIntervalMillis) {
        this.minIntervalMillis = minIntervalMillis;
    }

    public void add(AircraftEvent e) {
        String hex = e.hex();
        AircraftEvent merged = merge(pending.get(hex), e);
        if (merged == null) {
            pending.remove(hex);
        } else {
            pending.put(hex, merged);
        }
    }

    static AircraftEvent merge(AircraftEvent waiting, AircraftEvent next) {
        if (waiting == null) {
            return next;
        }
        if (next instanceof AircraftEvent.Removed) {
            // the client never heard of an aircraft that came and went within one batch
            return waiting instanceof AircraftEvent.New ? null : next;
        }
        if (next instanceof AircraftEvent.New n) {
            return n;
        }
        AircraftEvent.Delta d = (AircraftEvent.Delta) next;
        if (waiting instanceof AircraftEvent.Delta w) {
            return new AircraftEvent.Delta(w.changes().then(d.changes()), d.state());
        }
        // new + delta: still new to the client, with the latest state; removed + delta cannot happen
        return new AircraftEvent.New(d.state());
    }

    /** The events due now, in arrival order; held-back deltas stay for a later call. */
    public List<AircraftEvent> drain(long nowMillis) {
        List<AircraftEvent> out = new ArrayList<>(pending.size());
        Iterator<Map.Entry<String, AircraftEvent>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, AircraftEvent> entry = it.next();
            AircraftEvent e = entry.getValue();
            if (e instanceof AircraftEvent.Delta) {
                Long last = lastSent.get(entry.getKey());
                if (last != null && nowMillis - last < minIntervalMillis) {
                    continue;
                }
                lastSent.put(entry.getKey(), nowMillis);
            } else if (e instanceof AircraftEvent.Removed) {
                lastSent.remove(entry.getKey());
            } else {
                lastSent.put(entry.getKey(), nowMillis);
            }
            out.add(e);
            it.remove();
        }
        return out;
    }

    public int pendingCount() {
        return pending.size();
    }
}
