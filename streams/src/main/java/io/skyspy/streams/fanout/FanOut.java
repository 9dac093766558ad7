package io.skyspy.streams.fanout;

import io.skyspy.protocol.Channel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's registry of who receives which channel.
 *
 * <p>Why not a {@code BroadcastHub}: with thousands of consumers its bookkeeping costs more than
 * the sending and it runs at the pace of its slowest consumer (DESIGN.md, "Known pitfalls").
 * Here a publish is a loop of non-blocking offers of one shared frame into each subscriber's own
 * bounded queue; a slow subscriber only ever affects itself.
 *
 * <p>Private messages (a user's own alerts) go through {@link #publishToUser}: only to the
 * connections registered for that user, and of those only the ones following the frame's
 * channel. They are never put on a channel everyone shares.
 */
public final class FanOut {
    private final Map<Channel, Set<Subscriber>> byChannel = new EnumMap<>(Channel.class);
    private final Map<String, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
    private final Map<Subscriber, String> userOf = new ConcurrentHashMap<>();

    public FanOut() {
        for (Channel c : Channel.values()) {
            byChannel.put(c, ConcurrentHashMap.newKeySet());
        }
    }

    public void subscribe(Channel channel, Subscriber s) {
        byChannel.get(channel).add(s);
    }

    public void unsubscribe(Channel channel, Subscriber s) {
        byChannel.get(channel).remove(s);
    }

    /** Leaves every channel, and the user registration if there is one. */
    public void unsubscribeAll(Subscriber s) {
        for (Set<Subscriber> set : byChannel.values()) {
            set.remove(s);
        }
        unregisterUser(s);
    }

    /** {@code s} is a connection of {@code userId} (replacing whatever user it was before); null unregisters it. */
    public void registerUser(String userId, Subscriber s) {
        unregisterUser(s);
        if (userId != null) {
            userOf.put(s, userId);
            // compute, not computeIfAbsent + add: a concurrent last unregister must not drop the set under us
            byUser.compute(userId, (u, set) -> {
                Set<Subscriber> next = set == null ? ConcurrentHashMap.newKeySet() : set;
                next.add(s);
                return next;
            });
        }
    }

    public void unregisterUser(Subscriber s) {
        String previous = userOf.remove(s);
        if (previous != null) {
            byUser.computeIfPresent(previous, (u, set) -> {
                set.remove(s);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** To {@code userId}'s connections that follow the frame's channel, and nobody else. */
    public void publishToUser(String userId, Frame frame) {
        Set<Subscriber> mine = byUser.get(userId);
        if (mine == null) {
            return;
        }
        Set<Subscriber> following = byChannel.get(frame.channel());
        for (Subscriber s : mine) {
            if (following.contains(s)) {
                s.offer(frame);
            }
        }
    }

    /** Connections registered for {@code userId}. */
    public int userConnectionCount(String userId) {
        Set<Subscriber> mine = byUser.get(userId);
        return mine == null ? 0 : mine.size();
    }

    public void publish(Frame frame) {
        for (Subscriber s : byChannel.get(frame.channel())) {
            s.offer(frame);
        }
    }

    /**
     * To everyone following the frame's channel or {@code also}, once each: a client of both
     * (a VDL2 message is an ACARS message too) must not get it twice.
     */
    public void publish(Frame frame, Channel also) {
        Set<Subscriber> first = byChannel.get(frame.channel());
        publish(frame);
        for (Subscriber s : byChannel.get(also)) {
            if (!first.contains(s)) {
                s.offer(frame);
            }
        }
    }

    public int subscriberCount(Channel channel) {
        return byChannel.get(channel).size();
    }
}
