package io.skyspy.streams.fanout;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The two outgoing lanes of one connection and the rules between them, free of streams so they
 * can be tested directly. Producers (the fan-out, replies, heartbeats) add from any thread; one
 * consumer (the connection's stream stage) takes with {@link #next}.
 *
 * <ul>
 *   <li>The reliable lane goes first and never drops: when it overflows, the client is too slow
 *       for messages that must not be lost, and the next element is a 1008 close.
 *   <li>The position lane holds a bounded backlog in order; a client further behind than that has
 *       it replaced by one resync, sent as a fresh snapshot when its turn comes. Frames the
 *       snapshot already covers ({@code 0 < seq <= covered}) are skipped.
 * </ul>
 * Memory per connection is therefore bounded by the two sizes, whatever the client does.
 */
final class Lanes {
    static final Outbound.Close TOO_SLOW = new Outbound.Close(1008, "client too slow");

    private final int reliableSize;
    private final int positionSize;
    private final ArrayDeque<Outbound> reliable = new ArrayDeque<>();
    private final ArrayDeque<Frame> position = new ArrayDeque<>();
    private boolean resync;
    private boolean tooSlow;
    // the consumer found nothing to take and waits to be woken by the next producer
    private boolean waiting;
    private long covered;

    Lanes(int reliableSize, int positionSize) {
        this.reliableSize = reliableSize;
        this.positionSize = positionSize;
    }

    /** @return true when the consumer waits and must be woken */
    synchronized boolean addReliable(Outbound o) {
        if (tooSlow) {
            return false;
        }
        if (reliable.size() >= reliableSize) {
            tooSlow = true;
            reliable.clear();
        } else {
            reliable.add(o);
        }
        return wake();
    }

    /** @return true when the consumer waits and must be woken */
    synchronized boolean addPosition(Frame f) {
        if (resync) {
            // the snapshot is taken when the resync is sent, so it will cover this frame too
            return false;
        }
        if (position.size() >= positionSize) {
            position.clear();
            resync = true;
        } else {
            position.add(f);
        }
        return wake();
    }

    /** Replaces what the position lane holds with a fresh snapshot. @return true when the consumer must be woken */
    synchronized boolean addResync() {
        position.clear();
        resync = true;
        return wake();
    }

    private boolean wake() {
        boolean w = waiting;
        waiting = false;
        return w;
    }

    /**
     * The next element to send, or null when there is none (the consumer is then woken by the next
     * add). {@code snapshot} is called without the lock held: it may serialize a large frame.
     */
    Outbound next(Supplier<Frame> snapshot) {
        synchronized (this) {
            if (tooSlow) {
                return TOO_SLOW;
            }
            Outbound r = reliable.poll();
            if (r != null) {
                return r;
            }
            if (!resync) {
                Frame f;
                while ((f = position.poll()) != null) {
                    if (f.seq() <= 0 || f.seq() > covered) {
                        return f;
                    }
                }
                waiting = true;
                return null;
            }
            resync = false;
        }
        Frame s = snapshot.get();
        synchronized (this) {
            if (s != null) {
                covered = Math.max(covered, s.seq());
                return s;
            }
        }
        return next(snapshot);
    }
}
