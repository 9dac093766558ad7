package io.skyspy.app.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.InHandler;
import org.apache.pekko.stream.stage.OutHandler;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection as a stream stage: bytes pushed in are written to the socket, bytes read
 * from it are pushed out. It writes and reads right in the stream, non-blocking; only when the
 * socket cannot take or give more does it ask the {@link SelectorLoop} to be woken.
 *
 * <p>Pekko IO's TCP stage sends every write to a connection actor and waits for its ack, so a
 * frame costs the stream's wake-up plus two more actor messages per client. Here a frame that
 * fits the socket's send buffer costs the wake-up and one {@code write}: at 5,000 clients the
 * server needs 15-25 % less CPU (app/bench/RESULTS.md).
 *
 * <p>Like pekko-http's own binding, there is no half-close: when the peer closes its side the
 * stream's input completes, and the socket closes when the stream's output is done.
 *
 * <p>Its elements are whatever the layer above speaks ({@code toBytes}, {@code fromBytes}): for
 * pekko-http that is the TLS protocol's plain-text elements, which saves the two stages of
 * {@code TLSPlacebo} per connection.
 *
 * @param <I> what is written: {@code toBytes} gives its bytes, or null for an element without any
 * @param <O> what is read: {@code fromBytes} wraps the bytes
 */
final class SocketStage<I, O> extends GraphStage<FlowShape<I, O>> {
    private static final Logger log = LoggerFactory.getLogger(SocketStage.class);
    /** Not a selection op: the loop wants the connection closed. */
    private static final int CLOSE = -1;
    private static final int READ_BUFFER_BYTES = 16 * 1024;
    private static final ThreadLocal<ByteBuffer> READ_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(READ_BUFFER_BYTES));

    private final Inlet<I> in = Inlet.create("SocketStage.in");
    private final Outlet<O> out = Outlet.create("SocketStage.out");
    private final FlowShape<I, O> shape = FlowShape.of(in, out);
    private final SocketChannel channel;
    private final SelectionKey key;
    private final SelectorLoop loop;
    private final Function<I, ByteString> toBytes;
    private final Function<ByteString, O> fromBytes;

    SocketStage(SocketChannel channel, SelectionKey key, SelectorLoop loop, Function<I, ByteString> toBytes,
            Function<ByteString, O> fromBytes) {
        this.channel = channel;
        this.key = key;
        this.loop = loop;
        this.toBytes = toBytes;
        this.fromBytes = fromBytes;
    }

    /** Bytes in, bytes out. */
    static SocketStage<ByteString, ByteString> bytes(SocketChannel channel, SelectionKey key, SelectorLoop loop) {
        return new SocketStage<>(channel, key, loop, Function.identity(), Function.identity());
    }

    @Override
    public FlowShape<I, O> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new Logic();
    }

    private final class Logic extends GraphStageLogic implements SelectorLoop.Connection, InHandler, OutHandler {
        private AsyncCallback<Integer> readiness;
        private volatile long lastActivity = System.nanoTime();
        /** What is left of the element being written, or null. */
        private ByteBuffer[] pending;
        private int next;
        /** Upstream finished while a write was pending: close once it is out. */
        private boolean finishing;

        Logic() {
            super(shape);
            setHandlers(in, out, this);
        }

        @Override
        public void preStart() {
            readiness = createAsyncCallback(this::onReadiness);
            key.attach(this);
            loop.opened(this);
            pull(in);
        }

        @Override
        public void postStop() {
            SelectorLoop.closeQuietly(channel);
            loop.closed(this);
        }

        // --- called by the selector loop, on its thread

        @Override
        public void ready(int readyOps) {
            readiness.invoke(readyOps);
        }

        @Override
        public long lastActivity() {
            return lastActivity;
        }

        @Override
        public void close(String reason) {
            log.debug("closing {}: {}", channel, reason);
            readiness.invoke(CLOSE);
        }

        private void onReadiness(Integer ops) {
            if (ops == CLOSE) {
                completeStage();
                return;
            }
            if ((ops & SelectionKey.OP_WRITE) != 0 && pending != null) {
                flush();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && isAvailable(out)) {
                read();
            }
        }

        // --- writing

        @Override
        public void onPush() {
            ByteString bytes = toBytes.apply(grab(in));
            if (bytes == null) {
                pull(in);
                return;
            }
            pending = buffers(bytes);
            next = 0;
            flush();
        }

        private void flush() {
            try {
                while (next < pending.length) {
                    long written = channel.write(pending, next, pending.length - next);
                    while (next < pending.length && !pending[next].hasRemaining()) {
                        next++;
                    }
                    if (written == 0 && next < pending.length) {
                        loop.arm(key, SelectionKey.OP_WRITE);
                        return;
                    }
                }
            } catch (IOException e) {
                failStage(e);
                return;
            }
            pending = null;
            lastActivity = System.nanoTime();
            if (finishing) {
                completeStage();
            } else {
                pull(in);
            }
        }

        @Override
        public void onUpstreamFinish() {
            if (pending == null) {
                completeStage();
            } else {
                finishing = true;
            }
        }

        // --- reading

        @Override
        public void onPull() {
            read();
        }

        private void read() {
            ByteBuffer buffer = READ_BUFFER.get();
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                failStage(e);
                return;
            }
            if (n > 0) {
                lastActivity = System.nanoTime();
                byte[] bytes = new byte[n];
                buffer.flip().get(bytes);
                push(out, fromBytes.apply(ByteString.fromArrayUnsafe(bytes)));
            } else if (n == 0) {
                loop.arm(key, SelectionKey.OP_READ);
            } else {
                // the peer closed its side; the socket closes when our side is done too
                complete(out);
            }
        }

        @Override
        public void onDownstreamFinish(Throwable cause) {
            // nothing reads any more, but what is being written still goes out (the stage stops
            // by itself once the input is closed too)
            if (isClosed(in) && pending == null) {
                completeStage();
            }
        }
    }

    private static ByteBuffer[] buffers(ByteString bytes) {
        List<ByteBuffer> list = new ArrayList<>(2);
        bytes.getByteBuffers().forEach(list::add);
        return list.toArray(new ByteBuffer[0]);
    }
}
