package io.skyspy.app.socketio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The packets of one polling connection that wait for its next GET, and that GET while it waits.
 *
 * <p>Why not a queue sink: a poll must take everything that is ready at once (the protocol's
 * payload batches packets with {@code \u001e}), and a waiting poll must be answerable with a noop
 * without losing a packet. Both need the buffer and the waiter under one lock. Bounded: past
 * {@code maxBytes} the feeding stream is backpressured ({@link PollingSink}), so a client that
 * stops polling gets its position frames conflated upstream like any slow client.
 */
final class PollBuffer {
    /** Answer for a poll released without data: send a noop. */
    static final List<OutPacket> NOOP = Collections.unmodifiableList(new ArrayList<>());
    /** Answer for a poll when the connection is over: send a close. */
    static final List<OutPacket> CLOSE = Collections.unmodifiableList(new ArrayList<>());

    private final long maxBytes;
    private final ArrayDeque<OutPacket> packets = new ArrayDeque<>();
    private long bytes;
    private CompletableFuture<List<OutPacket>> waiter;
    private boolean finished;
    private boolean blocked;
    private Runnable onRoom = () -> {};

    PollBuffer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Called once by the sink: how to resume it after it was told the buffer is full. */
    synchronized void onRoom(Runnable r) {
        onRoom = r;
    }

    /** From the stream: one more packet. @return false when full (the sink waits for {@link #onRoom}) */
    boolean add(OutPacket p) {
        CompletableFuture<List<OutPacket>> w;
        List<OutPacket> batch;
        boolean room;
        synchronized (this) {
            packets.add(p);
            bytes += p.pollingSize();
            w = waiter;
            waiter = null;
            batch = w == null ? null : drainLocked();
            room = bytes < maxBytes;
            blocked = !room;
        }
        if (w != null) {
            w.complete(batch);
        }
        return room;
    }

    /**
     * The next batch: at once when packets wait, else when one arrives, the poll is released
     * ({@link #NOOP}) or the connection ends ({@link #CLOSE}). One taker at a time: a new take
     * releases the previous one.
     */
    CompletionStage<List<OutPacket>> take() {
        CompletableFuture<List<OutPacket>> previous;
        CompletableFuture<List<OutPacket>> next = new CompletableFuture<>();
        List<OutPacket> ready = null;
        synchronized (this) {
            previous = waiter;
            waiter = null;
            if (!packets.isEmpty()) {
                ready = drainLocked();
            } else if (finished) {
                ready = CLOSE;
            } else {
                waiter = next;
            }
        }
        if (previous != null) {
            previous.complete(NOOP);
        }
        if (ready != null) {
            next.complete(ready);
        }
        return next;
    }

    /** Answers a waiting poll without data ({@link #NOOP}) or with a close ({@link #CLOSE}). */
    void release(List<OutPacket> answer) {
        CompletableFuture<List<OutPacket>> w;
        synchronized (this) {
            w = waiter;
            waiter = null;
        }
        if (w != null) {
            w.complete(answer);
        }
    }

    /** The stream ended: a waiting or later poll gets {@link #CLOSE} once the packets are gone. */
    void finish() {
        CompletableFuture<List<OutPacket>> w;
        synchronized (this) {
            finished = true;
            w = packets.isEmpty() ? waiter : null;
            if (w != null) {
                waiter = null;
            }
        }
        if (w != null) {
            w.complete(CLOSE);
        }
    }

    /** The buffer as a stream, for the WebSocket that took over from polling; it ends with the connection. */
    Source<OutPacket, NotUsed> asSource() {
        return Source.unfoldAsync(this, b -> b.take().thenApply(batch -> batch == CLOSE
                        ? Optional.<Pair<PollBuffer, List<OutPacket>>>empty()
                        : Optional.of(Pair.create(b, batch))))
                .mapConcat(batch -> batch);
    }

    // up to maxBytes per answer (at least one packet), the rest stays for the next poll
    private List<OutPacket> drainLocked() {
        List<OutPacket> out = new ArrayList<>(packets.size());
        long taken = 0;
        while (!packets.isEmpty() && (out.isEmpty() || taken + packets.peek().pollingSize() <= maxBytes)) {
            OutPacket p = packets.poll();
            taken += p.pollingSize();
            out.add(p);
        }
        bytes -= taken;
        if (blocked && bytes < maxBytes) {
            blocked = false;
            onRoom.run();
        }
        return out;
    }
}
