package io.skyspy.streams.fanout;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every open connection of this node, and their liveness.
 *
 * <p>One sweep for all connections instead of a timer per connection: every ping interval it
 * pings each connection and closes (4000) those that have sent nothing at all, not even a pong,
 * for the heartbeat timeout. A client that never sends application pings but whose socket
 * answers transport pings stays connected.
 */
public final class ConnectionRegistry {
    private final Set<ConnectionOutlet> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closedForSilence = new AtomicLong();

    public void add(ConnectionOutlet o) {
        open.add(o);
        opened.incrementAndGet();
    }

    public void remove(ConnectionOutlet o) {
        open.remove(o);
    }

    public int size() {
        return open.size();
    }

    public long totalOpened() {
        return opened.get();
    }

    public long closedForSilence() {
        return closedForSilence.get();
    }

    /**
     * Pings everyone, closes the silent with {@code closeCode} and those whose credential expired
     * with {@code expiredCode}; call it every ping interval.
     */
    public void sweep(Duration timeout, int closeCode, int expiredCode) {
        long now = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        long limit = timeout.toNanos();
        for (ConnectionOutlet o : open) {
            if (o.closing()) {
                continue;
            }
            if (o.expired(nowMillis)) {
                o.close(expiredCode, "token expired");
            } else if (o.nanosSinceHeard(now) > limit) {
                closedForSilence.incrementAndGet();
                o.close(closeCode, "heartbeat timeout");
            } else {
                o.ping();
            }
        }
    }

    /** Closes every connection, e.g. with 1001 on shutdown. */
    public void closeAll(int code, String reason) {
        for (ConnectionOutlet o : open) {
            o.close(code, reason);
        }
    }
}
