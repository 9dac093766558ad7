package io.skyspy.streams.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * The outgoing side of one connection, independent of its transport (raw WebSocket or
 * Socket.IO): two bounded queues merged into one stream.
 *
 * <p>The reliable lane is preferred and never drops: if it overflows, the client is too slow
 * for the messages that must not be lost and the stream ends with a 1008 close. The position
 * lane is conflated: when the client does not drain it and its queue overflows, the next frame
 * becomes one fresh snapshot (as an {@link Outbound.Resync} does), and older frames that the snapshot
 * already covers ({@code seq <= covered}) are skipped. Memory per connection is therefore bounded
 * by the two queue sizes, whatever the client does.
 */
public final class ConnectionOutlet implements Subscriber {
    /** Thrown into the stream when the reliable lane overflows. */
    public static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("client does not read its reliable messages", null, false, false);
        }
    }

    private static final Outbound.Resync RESYNC = new Outbound.Resync();
    private static final Outbound.Ping PING = new Outbound.Ping();

    private final String id;
    private final int reliableSize;
    private final int positionSize;
    private final Supplier<Frame> snapshot;
    private final AtomicBoolean positionOverflow = new AtomicBoolean();
    private volatile BoundedSourceQueue<Outbound> reliable;
    private volatile BoundedSourceQueue<Outbound> position;
    private volatile long lastHeard = System.nanoTime();
    private volatile boolean closing;
    private volatile long expiresAtMillis;
    // the newest aircraft frame the client's snapshot already contains
    private volatile long covered;

    /**
     * @param snapshot a fresh snapshot of the position channels this connection follows, with
     *     the {@code seq} it covers, or null when it follows none
     */
    public ConnectionOutlet(String id, int reliableSize, int positionSize, Supplier<Frame> snapshot) {
        this.id = id;
        this.reliableSize = reliableSize;
        this.positionSize = positionSize;
        this.snapshot = snapshot;
    }

    public String id() {
        return id;
    }

    /**
     * The stream of everything this connection must send. {@code onReady} runs once both queues
     * exist, before any element flows: register subscriptions and queue the first messages there.
     */
    public Source<Outbound, NotUsed> source(Runnable onReady, Runnable onTerminated) {
        Runnable[] pending = {onReady};
        Source<Outbound, NotUsed> reliableSource = Source.<Outbound>queue(reliableSize)
                .mapMaterializedValue(q -> {
                    reliable = q;
                    ready(pending);
                    return NotUsed.getInstance();
                });
        Source<Outbound, NotUsed> positionSource = Source.<Outbound>queue(positionSize)
                .mapMaterializedValue(q -> {
                    position = q;
                    ready(pending);
                    return NotUsed.getInstance();
                })
                // Slow-client conflation. The stage pulls eagerly, so it must not collapse a mere
                // burst (the hub emits a tick's batches back to back): it keeps up to positionSize
                // pending frames in order, and only a client further behind than that has them
                // replaced by one resync, which becomes a fresh snapshot when it is finally sent.
                .conflateWithSeed(ConnectionOutlet::backlog, this::addToBacklog)
                .mapConcat(backlog -> backlog);
        return reliableSource
                // true: this (reliable) source is the preferred port, `that` the secondary; the
                // operator docs suggest the reverse, ConnectionOutletTest pins it down
                .mergePreferred(positionSource, true, true)
                .recover(TooSlow.class, () -> new Outbound.Close(1008, "client too slow"))
                .mapConcat(this::expand)
                .takeWhile(o -> !(o instanceof Outbound.Close), true)
                .watchTermination((nu, done) -> {
                    done.whenComplete((d, e) -> {
                        closing = true;
                        onTerminated.run();
                    });
                    return NotUsed.getInstance();
                })
                .named("connection-outlet");
    }

    private static List<Outbound> backlog(Outbound first) {
        List<Outbound> l = new ArrayList<>(4);
        l.add(first);
        return l;
    }

    private List<Outbound> addToBacklog(List<Outbound> backlog, Outbound next) {
        if (backlog.size() == 1 && backlog.get(0) == RESYNC) {
            // the snapshot is taken when the resync is sent, so it will cover this frame too
            return backlog;
        }
        if (backlog.size() >= positionSize) {
            backlog.clear();
            backlog.add(RESYNC);
            return backlog;
        }
        backlog.add(next);
        return backlog;
    }

    private void ready(Runnable[] pending) {
        // both queues are materialized in the same graph; run the callback once, after the second
        synchronized (pending) {
            if (reliable != null && position != null && pending[0] != null) {
                Runnable r = pending[0];
                pending[0] = null;
                r.run();
            }
        }
    }

    private List<Outbound> expand(Outbound o) {
        if (positionOverflow.getAndSet(false) || o == RESYNC) {
            List<Outbound> out = new ArrayList<>(2);
            Frame s = snapshot.get();
            if (s != null) {
                covered = s.seq();
                out.add(s);
            }
            if (o != RESYNC && !(o instanceof Frame f && f.lane() == Lane.POSITION)) {
                out.add(o);
            }
            return out;
        }
        if (o instanceof Frame f && f.lane() == Lane.POSITION && f.seq() > 0 && f.seq() <= covered) {
            return List.of();
        }
        return List.of(o);
    }

    /**
     * Sends a fresh snapshot through the position lane. Going through the lane (rather than
     * beside it) keeps the order right: frames queued before it are covered by the snapshot, frames
     * after it are newer than it, so a client never applies a delta older than its snapshot.
     */
    public void resync() {
        BoundedSourceQueue<Outbound> q = position;
        if (q == null || q.offer(RESYNC) == QueueOfferResult.dropped()) {
            positionOverflow.set(true);
        }
    }

    /** A broadcast frame from the fan-out. Never blocks. */
    @Override
    public void offer(Frame frame) {
        if (frame.lane() == Lane.POSITION) {
            BoundedSourceQueue<Outbound> q = position;
            if (q != null && q.offer(frame) == QueueOfferResult.dropped()) {
                positionOverflow.set(true);
            }
        } else {
            sendReliable(frame);
        }
    }

    /** A reply or event for this connection only. */
    public void send(Frame frame) {
        sendReliable(frame);
    }

    public void close(int code, String reason) {
        if (!closing) {
            closing = true;
            sendReliable(new Outbound.Close(code, reason));
        }
    }

    public void ping() {
        sendReliable(PING);
    }

    public void pong(ByteString payload) {
        sendReliable(new Outbound.Pong(payload));
    }

    /** When the connection's credential expires (0: never); the registry's sweep closes it then. */
    public void expiresAt(long epochMillis) {
        expiresAtMillis = epochMillis;
    }

    public boolean expired(long nowMillis) {
        long e = expiresAtMillis;
        return e > 0 && nowMillis >= e;
    }

    /** The peer said something (any frame): it is alive. */
    public void heard() {
        lastHeard = System.nanoTime();
    }

    public long nanosSinceHeard(long nowNanos) {
        return nowNanos - lastHeard;
    }

    public boolean closing() {
        return closing;
    }

    private void sendReliable(Outbound o) {
        BoundedSourceQueue<Outbound> q = reliable;
        if (q == null) {
            return;
        }
        QueueOfferResult r = q.offer(o);
        if (r == QueueOfferResult.dropped()) {
            closing = true;
            q.fail(new TooSlow());
        }
    }
}
