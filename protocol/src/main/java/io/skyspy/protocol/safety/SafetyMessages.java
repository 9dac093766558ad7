package io.skyspy.protocol.safety;

import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.Timestamps;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Encoders of the safety consumer's server messages; each is encoded once per node. */
public final class SafetyMessages {
    public static final String EVENT = "safety:event";
    public static final String EVENT_UPDATED = "safety:event_updated";
    public static final String EVENT_RESOLVED = "safety:event_resolved";
    public static final String SNAPSHOT = "safety:snapshot";

    private SafetyMessages() {}

    public static byte[] opened(SafetyEvent e) {
        return ServerMessages.event(EVENT, e.toEventMap());
    }

    public static byte[] updated(SafetyEvent e) {
        return ServerMessages.event(EVENT_UPDATED, e.toFullMap());
    }

    public static byte[] resolved(SafetyEvent e) {
        return ServerMessages.event(EVENT_RESOLVED, e.toFullMap());
    }

    /** {@code {"type":"safety:snapshot","data":{"events":[...],"count":N,"timestamp":...}}}. */
    public static byte[] snapshot(Collection<SafetyEvent> active, long now) {
        return ServerMessages.event(SNAPSHOT, listBody("events", active, now));
    }

    /** {@code {events|<name>: [...], count, timestamp}}, the shape of every list the safety consumer returns. */
    public static Map<String, Object> listBody(String name, Collection<SafetyEvent> events, long now) {
        List<Map<String, Object>> list = events.stream().map(SafetyEvent::toFullMap).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, list);
        m.put("count", list.size());
        m.put("timestamp", Timestamps.iso(now));
        return m;
    }
}
