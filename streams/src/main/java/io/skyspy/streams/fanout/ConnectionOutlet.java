package io.skyspy.streams.fanout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * One connection as the fan-out sees it, independent of its transport (raw WebSocket or
 * Socket.IO): the connection's {@link Lanes} (a reliable lane that goes first and never drops, a
 * position lane conflated to a snapshot when the client falls behind), drained by one stream
 * stage that can also carry the client's messages in ({@link #flow}).
 *
 * <p>Why one hand-written stage instead of queues, conflate, merge and recover stages: at
 * thousands of connections every frame crosses every stage of every connection, and each stage
 * costs a few hundred bytes per connection and a cache miss per element. Producers never block:
 * they add to the lanes, and wake the stage with one async callback only when it waits.
 */
public final class ConnectionOutlet implements Subscriber {
    private static final Outbound.Ping PING = new Outbound.Ping();
    private static final CompletionStage<Object> DONE = CompletableFuture.completedFuture(null);

    private final String id;
    private final Lanes lanes;
    private final Supplier<Frame> snapshot;
    private volatile Runnable wakeup;
    private volatile long lastHeard = System.nanoTime();
    private volatile boolean closing;
    private volatile long expiresAtMillis;

    /**
     * @param snapshot a fresh snapshot of the position channels this connection follows, with
     *     the {@code seq} it covers, or null when it follows none
     */
    public ConnectionOutlet(String id, int reliableSize, int positionSize, Supplier<Frame> snapshot) {
        this.id = id;
        this.lanes = new Lanes(reliableSize, positionSize);
        this.snapshot = snapshot;
    }

    public String id() {
        return id;
    }

    /**
     * The stream of everything this connection must send; materialize it once. {@code onReady}
     * runs when the stream starts, before any element flows: register subscriptions and queue the
     * first messages there (anything added earlier is kept too). {@code onTerminated} runs once
     * when it ends, whatever the reason.
     */
    public Source<Outbound, NotUsed> source(Runnable onReady, Runnable onTerminated) {
        return Source.never().via(new Duplex<Object, Outbound>(in -> DONE, o -> o, onReady, onTerminated));
    }

    /**
     * The connection as one flow, for a transport that reads its client through it: {@code inbound}
     * handles one client element at a time (the next is pulled when its stage completes; a failed
     * one fails the connection), {@code encode} turns what the lanes release into transport frames.
     * Otherwise as {@link #source}; when the client side ends, so does the outgoing side.
     */
    public <I, O> Flow<I, O, NotUsed> flow(Function<I, CompletionStage<?>> inbound, Function<Outbound, O> encode,
            Runnable onReady, Runnable onTerminated) {
        return Flow.fromGraph(new Duplex<>(inbound, encode, onReady, onTerminated));
    }

    /**
     * Sends a fresh snapshot through the position lane: frames queued before it are covered by the
     * snapshot, frames after it are newer than it, so a client never applies a delta older than
     * its snapshot.
     */
    public void resync() {
        wakeIf(lanes.addResync());
    }

    /** A broadcast frame from the fan-out. Never blocks. */
    @Override
    public void offer(Frame frame) {
        if (frame.lane() == Lane.POSITION) {
            wakeIf(lanes.addPosition(frame));
        } else {
            sendReliable(frame);
        }
    }

    /** A reply or event for this connection only. */
    public void send(Frame frame) {
        sendReliable(frame);
    }

    /** Closes the connection with this code after everything already queued on the reliable lane. */
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
        wakeIf(lanes.addReliable(o));
    }

    private void wakeIf(boolean waiting) {
        Runnable w = wakeup;
        if (waiting && w != null) {
            w.run();
        }
    }

    /**
     * The whole connection as one stage: client messages in (each handled to completion, in order,
     * before the next is pulled), the lanes out. When either side ends, the other does.
     */
    private final class Duplex<I, O> extends GraphStage<FlowShape<I, O>> {
        private final Inlet<I> in = Inlet.create("connection.in");
        private final Outlet<O> out = Outlet.create("connection.out");
        private final FlowShape<I, O> shape = FlowShape.of(in, out);
        private final Function<I, CompletionStage<?>> inbound;
        private final Function<Outbound, O> encode;
        private final Runnable onReady;
        private final Runnable onTerminated;

        Duplex(Function<I, CompletionStage<?>> inbound, Function<Outbound, O> encode, Runnable onReady,
                Runnable onTerminated) {
            this.inbound = inbound;
            this.encode = encode;
            this.onReady = onReady;
            this.onTerminated = onTerminated;
        }

        @Override
        public FlowShape<I, O> shape() {
            return shape;
        }

        @Override
        public Attributes initialAttributes() {
            return Attributes.name("connection");
        }

        @Override
        public GraphStageLogic createLogic(Attributes inheritedAttributes) {
            return new GraphStageLogic(shape) {
                private AsyncCallback<Throwable> handled;

                {
                    setHandler(out, new AbstractOutHandler() {
                        @Override
                        public void onPull() {
                            emitNext();
                        }
                    });
                    setHandler(in, new AbstractInHandler() {
                        @Override
                        public void onPush() {
                            CompletionStage<?> done = inbound.apply(grab(in));
                            if (done instanceof CompletableFuture<?> f && f.isDone() && !f.isCompletedExceptionally()) {
                                pull(in);
                            } else {
                                done.whenComplete((r, e) -> handled.invoke(e));
                            }
                        }
                    });
                }

                @Override
                public void preStart() {
                    AsyncCallback<NotUsed> callback = createAsyncCallback(nu -> emitNext());
                    wakeup = () -> callback.invoke(NotUsed.getInstance());
                    handled = createAsyncCallback(e -> {
                        if (e != null) {
                            failStage(e);
                        } else if (!hasBeenPulled(in) && !isClosed(in)) {
                            pull(in);
                        }
                    });
                    pull(in);
                    onReady.run();
                }

                private void emitNext() {
                    if (!isAvailable(out)) {
                        return;
                    }
                    Outbound o = lanes.next(snapshot);
                    if (o == null) {
                        return;
                    }
                    push(out, encode.apply(o));
                    if (o instanceof Outbound.Close) {
                        completeStage();
                    }
                }

                @Override
                public void postStop() {
                    closing = true;
                    wakeup = null;
                    onTerminated.run();
                }
            };
        }
    }
}
