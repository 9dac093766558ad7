package io.skyspy.app.transport;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that waits on a {@link Selector} for the listening socket and for connections that
 * could not read or write right away. It only reports readiness: reads and writes happen in the
 * connections' own streams ({@link SocketStage}), so a frame that fits the socket's buffer is
 * written without this thread, or any actor, taking part.
 */
final class SelectorLoop {
    private static final Logger log = LoggerFactory.getLogger(SelectorLoop.class);
    private static final long TICK_MS = 1_000;
    /** How long accepting pauses after the process ran out of file descriptors. */
    private static final long ACCEPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What a registered connection is told by the loop; called on the loop's thread. */
    interface Connection {
        void ready(int readyOps);

        /** Nanos ({@link System#nanoTime}) of the last byte read or written. */
        long lastActivity();

        /** Closes the connection: it was idle too long, or the server is stopping. */
        void close(String reason);
    }

    private final Selector selector;
    private final ServerSocketChannel server;
    private final SelectionKey acceptKey;
    private final Consumer<SocketChannel> accepted;
    private final int maxConnections;
    private final long idleTimeoutNanos;
    private final AcceptPacer pacer;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    /** Accepted and not yet closed, counted from the accept on (the stream starts a little later). */
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Completes when, after {@link #unbind}, the last connection has closed. */
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean unbound;
    private final Thread thread;
    private volatile boolean running = true;
    private long acceptPausedUntil;
    private long lastSweep = System.nanoTime();

    SelectorLoop(ServerSocketChannel server, Consumer<SocketChannel> accepted, int maxConnections,
            long idleTimeoutNanos, AcceptPacer.Settings pacing) throws IOException {
        this.selector = Selector.open();
        this.pacer = new AcceptPacer(pacing, selector::wakeup);
        this.server = server;
        this.accepted = accepted;
        this.maxConnections = maxConnections;
        this.idleTimeoutNanos = idleTimeoutNanos;
        server.configureBlocking(false);
        this.acceptKey = server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::run, "skyspy-http-selector");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Registers an accepted channel with no interest yet; only ever called on the loop's thread. */
    SelectionKey register(SocketChannel channel) throws ClosedChannelException {
        return channel.register(selector, 0);
    }

    void opened(Connection connection) {
        connections.add(connection);
    }

    void closed(Connection connection) {
        connections.remove(connection);
        released();
    }

    /** An accepted channel whose stream could not be started. */
    void abandoned(SocketChannel channel) {
        closeQuietly(channel);
        released();
    }

    private void released() {
        if (open.decrementAndGet() == 0 && unbound) {
            drained.complete(null);
        }
    }

    CompletableFuture<Void> drained() {
        return drained;
    }

    int openConnections() {
        return open.get();
    }

    /** Asks to be told when {@code key}'s channel can do {@code op}; any thread. */
    void arm(SelectionKey key, int op) {
        try {
            key.interestOpsOr(op);
        } catch (CancelledKeyException closedMeanwhile) {
            return;
        }
        // the interest takes effect at the next select, so a select already waiting must return
        selector.wakeup();
    }

    /** Stops accepting; connections already open stay. */
    void unbind() {
        tasks.add(() -> {
            closeListener();
            unbound = true;
            if (open.get() == 0) {
                drained.complete(null);
            }
        });
        selector.wakeup();
    }

    /** Closes every connection still open and ends the thread. */
    void stop(String reason) {
        tasks.add(() -> {
            closeListener();
            connections.forEach(c -> c.close(reason));
            running = false;
        });
        selector.wakeup();
    }

    private void closeListener() {
        acceptKey.cancel();
        closeQuietly(server);
    }

    private void run() {
        try {
            while (running) {
                try {
                    selector.select(this::dispatch, TICK_MS);
                    for (Runnable task; (task = tasks.poll()) != null; ) {
                        task.run();
                    }
                    tick();
                } catch (IOException | RuntimeException e) {
                    log.error("HTTP selector loop: {}", e.toString(), e);
                }
            }
        } finally {
            closeQuietly(selector);
        }
    }

    private void dispatch(SelectionKey key) {
        if (key == acceptKey) {
            accept();
            return;
        }
        int ready;
        try {
            ready = key.readyOps();
            // level-triggered: stop asking until the connection asks again (arm)
            key.interestOpsAnd(~ready);
        } catch (CancelledKeyException closedMeanwhile) {
            return;
        }
        if (key.attachment() instanceof Connection connection) {
            connection.ready(ready);
        }
    }

    private void accept() {
        while (open.get() < maxConnections) {
            if (!pacer.mayAccept()) {
                // resumed by tick() once the pacer's probe has run (it wakes the selector)
                pauseAccepting(System.nanoTime());
                return;
            }
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // typically "Too many open files": the backlog keeps the rest until some close
                log.warn("could not accept a connection ({}); pausing accepts for 100 ms", e.getMessage());
                pauseAccepting(System.nanoTime() + ACCEPT_PAUSE_NANOS);
                return;
            }
            if (channel == null) {
                return;
            }
            open.incrementAndGet();
            pacer.accepted();
            accepted.accept(channel);
        }
        pauseAccepting(System.nanoTime());
    }

    /** Stops accepting until {@code until} ({@link System#nanoTime}, which may be negative) and a free slot. */
    private void pauseAccepting(long until) {
        acceptPausedUntil = until;
        if (acceptKey.isValid()) {
            acceptKey.interestOps(0);
        }
    }

    private void tick() {
        long now = System.nanoTime();
        if (acceptKey.isValid() && acceptKey.interestOps() == 0 && now - acceptPausedUntil >= 0
                && open.get() < maxConnections && !pacer.waiting()) {
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
        if (idleTimeoutNanos > 0 && now - lastSweep >= TimeUnit.MILLISECONDS.toNanos(TICK_MS)) {
            lastSweep = now;
            for (Connection c : connections) {
                if (now - c.lastActivity() > idleTimeoutNanos) {
                    c.close("idle");
                }
            }
        }
    }

    static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is best effort: the peer may be gone already
        }
    }
}
