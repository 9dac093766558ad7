package io.skyspy.streams.events;

import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Subscriber;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one spec 003 channel ({@code /ws/events/geofence/},
 * {@code /ws/dashboard/events/}, {@code /ws/webhooks/status/}): they take no subscriptions, so
 * a frame goes to every member, except that a private rule's events go only to its owner.
 */
public final class EventFeed {
    private static final String ANONYMOUS = "";

    private final Map<Subscriber, String> members = new ConcurrentHashMap<>();

    /** @param userId the member's user id, null when anonymous */
    public void join(Subscriber s, String userId) {
        members.put(s, userId == null ? ANONYMOUS : userId);
    }

    public void leave(Subscriber s) {
        members.remove(s);
    }

    /** @param owner null for everyone, else the one user who may see it */
    public void publish(Frame frame, String owner) {
        for (Map.Entry<Subscriber, String> m : members.entrySet()) {
            if (owner == null || owner.equals(m.getValue())) {
                m.getKey().offer(frame);
            }
        }
    }

    public int size() {
        return members.size();
    }
}
