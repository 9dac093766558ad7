package io.skyspy.app.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The clients of one run, spread over a few {@link Reactor} threads, connected at a fixed rate.
 * Keeps every client (for per-client completeness) unless told they are throwaway (churn).
 */
final class ClientFleet implements AutoCloseable {
    final FleetCounters counters = new FleetCounters();
    final Window window = new Window();
    final CriticalWatch critical = new CriticalWatch();
    private final List<Reactor> reactors = new ArrayList<>();
    private final List<List<ClientConnection>> byReactor = new ArrayList<>();
    private final InetSocketAddress server;
    private final List<InetAddress> sources;
    private final String path;
    private final byte[] subscribe;
    private final boolean keepClients;
    private int next;

    ClientFleet(InetSocketAddress server, String path, String subscribeMessage, List<InetAddress> sources,
            int threads, boolean throwaway) throws IOException {
        this.server = server;
        this.path = path;
        this.subscribe = Reactor.utf8(subscribeMessage);
        this.sources = sources;
        this.keepClients = !throwaway;
        for (int i = 0; i < threads; i++) {
            Reactor r = new Reactor("loadgen-reactor-" + i, counters, window, critical, throwaway);
            reactors.add(r);
            byReactor.add(new ArrayList<>());
            r.start();
        }
    }

    /**
     * Opens {@code count} clients at {@code perSecond}, on a fixed schedule (a late tick catches
     * up rather than slipping the whole ramp). Returns when the last connect was started.
     */
    void ramp(int count, double perSecond) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            openOne();
        }
    }

    void openOne() {
        int i = next++;
        int ri = i % reactors.size();
        Reactor r = reactors.get(ri);
        InetAddress source = sources.isEmpty() ? null : sources.get(i % sources.size());
        ClientPlan plan = new ClientPlan(server, source, path, server.getHostString() + ":" + server.getPort(), subscribe);
        ClientConnection c = new ClientConnection(i, r, plan);
        if (keepClients) {
            synchronized (byReactor) {
                byReactor.get(ri).add(c);
            }
        }
        r.connect(c);
    }

    /** Waits until every started client subscribed or failed, at most {@code maxMillis}. */
    boolean awaitSettled(long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (counters.settled() < next) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(50_000_000);
        }
        return true;
    }

    int started() {
        return next;
    }

    List<Reactor> reactors() {
        return reactors;
    }

    /** Every kept client, read on its reactor thread so the numbers are current and visible. */
    List<ClientSnapshot> clients() {
        List<ClientSnapshot> out = new ArrayList<>();
        for (int i = 0; i < reactors.size(); i++) {
            List<ClientConnection> mine;
            synchronized (byReactor) {
                mine = List.copyOf(byReactor.get(i));
            }
            out.addAll(reactors.get(i).call(() -> mine.stream().map(ClientSnapshot::of).toList()).join());
        }
        return out;
    }

    ReactorStats takeStats() {
        ReactorStats all = new ReactorStats();
        for (Reactor r : reactors) {
            all.merge(r.takeStats().join());
        }
        return all;
    }

    void armCritical(String hex) {
        critical.arm(hex);
        for (int i = 0; i < reactors.size(); i++) {
            List<ClientConnection> mine;
            synchronized (byReactor) {
                mine = List.copyOf(byReactor.get(i));
            }
            reactors.get(i).armCritical(mine, hex).join();
        }
    }

    /** Closes every client with a close handshake and waits, bounded, until they are gone. */
    void closeAll(long maxMillis) {
        for (int i = 0; i < reactors.size(); i++) {
            List<ClientConnection> mine;
            synchronized (byReactor) {
                mine = List.copyOf(byReactor.get(i));
            }
            reactors.get(i).closeAll(mine);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (counters.open.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
    }

    @Override
    public void close() {
        for (Reactor r : reactors) {
            r.stop();
        }
    }

    /** What one client saw, copied on its reactor thread. */
    record ClientSnapshot(int index, boolean subscribed, boolean open, ClientConnection.Failure failure,
            long windowDeltas, long windowBatches, long seqGaps, long snapshots, long criticalDeltaAtMillis,
            long criticalEventAtMillis) {
        static ClientSnapshot of(ClientConnection c) {
            return new ClientSnapshot(c.index, c.subscribed, c.state != ClientConnection.State.CLOSED, c.failure,
                    c.windowDeltas, c.windowBatches, c.seqGaps, c.snapshots, c.criticalDeltaAtMillis,
                    c.criticalEventAtMillis);
        }
    }
}
