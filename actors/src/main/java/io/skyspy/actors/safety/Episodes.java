package io.skyspy.actors.safety;

import io.skyspy.protocol.safety.SafetyEvent;
import io.skyspy.protocol.safety.SafetyNotice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The open safety episodes of one detector, and the notices their lifecycle produces: one
 * {@code Opened} per episode, {@code Updated} only when what a client shows changes (severity,
 * type, message, callsigns; not every new position), {@code Resolved} once the finding has been
 * absent for its clear-after time. Not thread-safe: owned by one actor.
 */
public final class Episodes {
    private record Open(SafetyEvent event, long lastTrue, long clearAfter) {}

    private final Map<String, Open> open = new LinkedHashMap<>();

    /**
     * @param present every finding true now, among all the keys this detector is responsible for;
     *     open keys missing from it count as absent
     */
    public List<SafetyNotice> observe(Collection<Finding> present, long now) {
        List<SafetyNotice> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : present) {
            seen.add(f.key());
            Open current = open.get(f.key());
            if (current == null) {
                SafetyEvent e = new SafetyEvent(EventIds.of(f.key(), now), f.eventType(), f.severity(), f.hex(),
                        f.callsign(), f.hex2(), f.callsign2(), f.message(), SafetyEvent.tree(f.details()), now, now, 0,
                        false, null, 0);
                open.put(f.key(), new Open(e, now, f.clearAfterMillis()));
                out.add(new SafetyNotice.Opened(e));
            } else {
                SafetyEvent e = current.event();
                if (changed(e, f)) {
                    e = e.updated(f.severity(), f.eventType(), f.message(), SafetyEvent.tree(f.details()), f.callsign(),
                            f.callsign2(), now);
                    out.add(new SafetyNotice.Updated(e));
                }
                open.put(f.key(), new Open(e, now, f.clearAfterMillis()));
            }
        }
        for (Iterator<Map.Entry<String, Open>> it = open.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Open> entry = it.next();
            Open o = entry.getValue();
            if (!seen.contains(entry.getKey()) && now - o.lastTrue() >= o.clearAfter()) {
                it.remove();
                out.add(new SafetyNotice.Resolved(o.event().resolved(now)));
            }
        }
        return out;
    }

    /** Ends at once every episode whose event matches (an aircraft that is gone). */
    public List<SafetyNotice> resolveIf(Predicate<SafetyEvent> which, long now) {
        List<SafetyNotice> out = new ArrayList<>();
        for (Iterator<Open> it = open.values().iterator(); it.hasNext();) {
            Open o = it.next();
            if (which.test(o.event())) {
                it.remove();
                out.add(new SafetyNotice.Resolved(o.event().resolved(now)));
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return open.isEmpty();
    }

    public int size() {
        return open.size();
    }

    private static boolean changed(SafetyEvent e, Finding f) {
        return e.severity() != f.severity() || !e.eventType().equals(f.eventType()) || !e.message().equals(f.message())
                || !Objects.equals(e.callsign(), f.callsign()) || !Objects.equals(e.callsign2(), f.callsign2());
    }
}
