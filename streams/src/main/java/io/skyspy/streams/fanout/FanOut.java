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
 */
public final class FanOut {
    private final Map<Channel, Set<Subscriber>> byChannel = new EnumMap<>(Channel.class);

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

    public void unsubscribeAll(Subscriber s) {
        for (Set<Subscriber> set : byChannel.values()) {
            set.remove(s);
        }
    }

    public void publish(Frame frame) {
        for (Subscriber s : byChannel.get(frame.channel())) {
            s.offer(frame);
        }
    }

    public int subscriberCount(Channel channel) {
        return byChannel.get(channel).size();
    }
}
