package io.skyspy.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * One selector thread serving a share of the clients: connects, reads, answers pings, and counts
 * batches into its own {@link ReactorStats}. Everything a client does happens on its reactor's
 * thread; other threads talk to it only through {@link #execute}.
 */
final class Reactor implements Runnable {
    private static final long CONNECT_TIMEOUT_NANOS = 10_000_000_000L;
    private static final long HANDSHAKE_TIMEOUT_NANOS = 30_000_000_000L;
    private static final long CLOSE_TIMEOUT_NANOS = 5_000_000_000L;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    // 256 KB: a few whole batch frames per read() keep the syscall count low at 10,000 clients
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
    private final BatchTail batchTail = new BatchTail();
    private final List<ClientConnection> unsettled = new ArrayList<>();
    private final FleetCounters counters;
    private final Window window;
    private final CriticalWatch critical;
    private final boolean closeWhenSubscribed;
    private ReactorStats stats = new ReactorStats();
    private volatile boolean running = true;
    private long lastSweep;

    Reactor(String name, FleetCounters counters, Window window, CriticalWatch critical, boolean closeWhenSubscribed)
            throws IOException {
        this.selector = Selector.open();
        this.counters = counters;
        this.window = window;
        this.critical = critical;
        this.closeWhenSubscribed = closeWhenSubscribed;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Selector selector() {
        return selector;
    }

    ByteBuffer scratch() {
        return scratch;
    }

    long threadId() {
        return thread.getId();
    }

    /** CPU time of this reactor's thread so far, nanoseconds. */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the reactor thread and hands its result over with a happens-before edge. */
    <T> CompletableFuture<T> call(Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> f.complete(task.get()));
        return f;
    }

    void connect(ClientConnection c) {
        execute(() -> {
            counters.attempted.incrementAndGet();
            unsettled.add(c);
            try {
                c.startConnect();
            } catch (IOException e) {
                counters.error("connect: " + e);
                fail(c, ClientConnection.Failure.CONNECT);
            }
        });
    }

    /** Takes the stats so far and starts new ones; call on nothing but a finished window. */
    CompletableFuture<ReactorStats> takeStats() {
        return call(() -> {
            ReactorStats s = stats;
            stats = new ReactorStats();
            return s;
        });
    }

    void stop() {
        running = false;
        selector.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (SelectionKey k : selector.keys()) {
                k.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                selector.select(100);
            } catch (IOException e) {
                break;
            }
            long now = System.currentTimeMillis();
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                handle(k, now);
            }
            Runnable t;
            while ((t = tasks.poll()) != null) {
                t.run();
            }
            if (now - lastSweep >= 250) {
                lastSweep = now;
                sweep();
            }
        }
    }

    private void handle(SelectionKey k, long now) {
        ClientConnection c = (ClientConnection) k.attachment();
        try {
            if (!k.isValid()) {
                return;
            }
            if (k.isConnectable()) {
                c.onConnectable();
                return;
            }
            if (k.isWritable()) {
                c.onWritable();
            }
            if (k.isReadable()) {
                read(c, now);
            }
        } catch (IOException e) {
            counters.error(c.state + ": " + e);
            if (c.state == ClientConnection.State.CONNECTING) {
                fail(c, ClientConnection.Failure.CONNECT);
            } else {
                c.onEndOfStream();
            }
        }
    }

    private void read(ClientConnection c, long now) throws IOException {
        // a few reads per wake-up at most, so one busy socket cannot starve the others
        for (int reads = 0; reads < 4 && c.state != ClientConnection.State.CLOSED; reads++) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            if (n < 0) {
                c.onEndOfStream();
                return;
            }
            if (n == 0) {
                return;
            }
            if (window.receivedInside(now)) {
                stats.bytes += n;
            }
            readBuffer.flip();
            c.onBytes(readBuffer, now);
            if (n < readBuffer.capacity()) {
                return;
            }
        }
    }

    // ---- called by connections

    void onBatch(ClientConnection c, byte[] tail, int tailLen, long now) {
        if (!batchTail.parse(tail, tailLen)) {
            return;
        }
        long seq = batchTail.seq;
        if (seq > 0) {
            if (c.lastSeq > 0 && seq != c.lastSeq + 1) {
                c.seqGaps++;
            }
            c.lastSeq = seq;
        }
        long stamp = batchTail.timestampMillis;
        if (window.receivedInside(now)) {
            stats.frames++;
            stats.deltas += batchTail.count;
            stats.latencyMillis.recordValue(Math.max(0, Math.min(now - stamp, 3_600_000L)));
        }
        if (window.countsForCompleteness(stamp, now)) {
            c.windowDeltas += batchTail.count;
            c.windowBatches++;
            stats.produced.putIfAbsent(seq > 0 ? seq : -stamp, batchTail.count);
        }
    }

    void onSubscribed(ClientConnection c) {
        counters.subscribed.incrementAndGet();
        counters.open.incrementAndGet();
        if (closeWhenSubscribed) {
            c.requestClose();
        }
    }

    boolean capturesSmallMessages() {
        return critical.armed();
    }

    byte[] criticalHex() {
        return critical.hexBytes();
    }

    /** Arms the critical-lane watch on every client of this reactor. */
    CompletableFuture<Boolean> armCritical(List<ClientConnection> clients, String hex) {
        return call(() -> {
            for (ClientConnection c : clients) {
                c.squawkWatch = new SquawkWatch(hex);
                c.criticalDeltaAtMillis = 0;
                c.criticalEventAtMillis = 0;
            }
            return true;
        });
    }

    void fail(ClientConnection c, ClientConnection.Failure why) {
        if (c.state == ClientConnection.State.CLOSED) {
            return;
        }
        c.failure = why;
        switch (why) {
            case CONNECT -> counters.connectFailures.incrementAndGet();
            case HANDSHAKE -> counters.handshakeFailures.incrementAndGet();
            case CLOSED_BEFORE_SUBSCRIBED -> counters.closedBeforeSubscribed.incrementAndGet();
            case DROPPED -> counters.dropped.incrementAndGet();
        }
        if (c.subscribed) {
            counters.open.decrementAndGet();
        }
        c.closeSocket();
    }

    /** The connection ended; {@code why} is null when we asked for it. */
    void closed(ClientConnection c, ClientConnection.Failure why) {
        if (c.state == ClientConnection.State.CLOSED) {
            return;
        }
        if (why != null) {
            fail(c, why);
            return;
        }
        counters.closedCleanly.incrementAndGet();
        if (c.subscribed) {
            counters.open.decrementAndGet();
        }
        c.closeSocket();
    }

    /** Deadlines for connects, handshakes and close handshakes. */
    private void sweep() {
        long now = System.nanoTime();
        Iterator<ClientConnection> it = unsettled.iterator();
        while (it.hasNext()) {
            ClientConnection c = it.next();
            long age = now - c.stateSinceNanos;
            switch (c.state) {
                case CONNECTING -> {
                    if (age > CONNECT_TIMEOUT_NANOS) {
                        counters.error("connect timed out (10 s)");
                        fail(c, ClientConnection.Failure.CONNECT);
                    }
                }
                case HANDSHAKING, OPEN -> {
                    if (!c.subscribed && age > HANDSHAKE_TIMEOUT_NANOS) {
                        counters.error(c.state == ClientConnection.State.OPEN ? "no subscribed reply within 30 s"
                                : "no upgrade response within 30 s");
                        fail(c, ClientConnection.Failure.HANDSHAKE);
                    }
                }
                case CLOSING -> {
                    if (age > CLOSE_TIMEOUT_NANOS) {
                        closed(c, null);
                    }
                }
                case CLOSED -> { }
            }
            if (c.state == ClientConnection.State.CLOSED || (c.subscribed && c.state == ClientConnection.State.OPEN)) {
                it.remove();
            }
        }
    }

    /** Asks every given client to close; those that do not answer are cut after the close deadline. */
    void closeAll(List<ClientConnection> clients) {
        execute(() -> {
            for (ClientConnection c : clients) {
                c.requestClose();
                if (c.state == ClientConnection.State.CLOSING) {
                    unsettled.add(c);
                }
            }
        });
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
