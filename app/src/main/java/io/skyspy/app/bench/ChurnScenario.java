package io.skyspy.app.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario 4: --rate clients per second connect, subscribe and close again, for --duration
 * seconds. Passes when no handshake fails and the server's open connections, heap (after a full
 * GC) and RSS come back to where they were, measured --grace seconds after the last close (set
 * it longer than the server's session resume window, which keeps sessions on purpose).
 */
final class ChurnScenario {
    private final RunContext ctx;
    private final BenchOptions o;

    ChurnScenario(RunContext ctx) {
        this.ctx = ctx;
        this.o = ctx.options;
    }

    Report run() throws IOException {
        Report r = new Report(o, ctx);
        String path = ctx.path("/ws/aircraft/?topics=aircraft&updates=false");
        r.put("url", ctx.wsBase() + path);
        FanOutScenario.park(o.warmupSeconds() * 1000L);
        long openBefore = ctx.probe.openConnections();
        long heapBefore = ctx.probe.heapAfterFullGc();
        long rssBefore = ctx.probe.rssBytes();
        try (ClientFleet fleet = new ClientFleet(ctx.address, path, "{\"action\":\"subscribe\",\"topics\":[\"aircraft\"]}",
                ctx.sources(), o.threads(), true);
                Sampler sampler = new Sampler(ctx.probe, fleet.counters.open::get, !o.json())) {
            long[] reactorCpu = fleet.reactors().stream().mapToLong(Reactor::cpuNanos).toArray();
            long start = System.currentTimeMillis();
            int total = (int) Math.round(o.rate() * o.durationSeconds());
            fleet.ramp(total, o.rate());
            long rampEnd = System.currentTimeMillis();
            boolean settled = fleet.awaitSettled(30_000);
            FleetCounters n = fleet.counters;
            awaitClosed(n, 30_000);
            long end = System.currentTimeMillis();
            report(r, sampler, fleet, start, rampEnd, reactorCpu);
            long backAt = awaitServerOpen(openBefore, 60_000);
            // sessions outlive their sockets for the resume window by design; measure after it
            FanOutScenario.park(o.graceSeconds() * 1000L);
            long heapAfter = ctx.probe.heapAfterFullGc();
            long rssAfter = ctx.probe.rssBytes();
            long openAfter = ctx.probe.openConnections();
            r.put("connects", n.attempted.get());
            r.put("subscribed", n.subscribed.get());
            r.put("closed_cleanly", n.closedCleanly.get());
            r.put("connect_failures", n.failed());
            r.put("failures_by_kind", java.util.Map.of("connect", n.connectFailures.get(), "handshake",
                    n.handshakeFailures.get(), "closed_before_subscribed", n.closedBeforeSubscribed.get()));
            r.put("not_settled", settled ? 0 : fleet.started() - n.settled());
            r.put("achieved_connects_per_s", Report.round(n.attempted.get() / ((rampEnd - start) / 1000.0)));
            r.put("server_open_before", openBefore);
            r.put("server_open_after", openAfter);
            r.put("server_open_back_after_s", backAt < 0 ? -1 : Report.round((backAt - end) / 1000.0));
            r.put("server_open_max", maxOpen(sampler, start, end));
            r.put("heap_after_full_gc_mb_before", heapBefore >> 20);
            r.put("heap_after_full_gc_mb_after", heapAfter >> 20);
            r.put("rss_mb_before", rssBefore >> 20);
            r.put("rss_mb_after", rssAfter >> 20);
            boolean leakFree = openAfter == openBefore && heapAfter - heapBefore < 16L << 20;
            r.put("leak_free", leakFree);
            r.put("first_errors", n.errors());
            r.line("%s churn: %d connects in %.1f s (%.0f/s), %d subscribed and closed cleanly, %d failed (%d connect, %d handshake, %d closed early)",
                    o.label(), n.attempted.get(), (rampEnd - start) / 1000.0, n.attempted.get() / ((rampEnd - start) / 1000.0),
                    n.closedCleanly.get(), n.failed(), n.connectFailures.get(), n.handshakeFailures.get(),
                    n.closedBeforeSubscribed.get());
            r.line("server open connections %d -> max %d -> %d; heap after full GC %d -> %d MB; RSS %d -> %d MB",
                    openBefore, maxOpen(sampler, start, end), openAfter, heapBefore >> 20, heapAfter >> 20,
                    rssBefore >> 20, rssAfter >> 20);
            if (n.failed() > 0) {
                r.warnings.add(n.failed() + " connects or handshakes failed");
            }
        }
        return r;
    }

    private void report(Report r, Sampler sampler, ClientFleet fleet, long from, long to, long[] reactorCpu) {
        r.resources(sampler, ctx.probe.pid(), from, to, fleet.reactors(), reactorCpu);
    }

    private static long maxOpen(Sampler sampler, long from, long to) {
        List<Sampler.Sample> s = sampler.between(from, to);
        return s.stream().mapToLong(Sampler.Sample::serverOpen).max().orElse(-1);
    }

    private static void awaitClosed(FleetCounters n, long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (n.closedCleanly.get() + n.failed() + n.dropped.get() < n.attempted.get() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000_000L);
        }
    }

    /** Waits until the server is back to {@code baseline} open connections; the wall time then, or -1. */
    private long awaitServerOpen(long baseline, long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (System.nanoTime() < deadline) {
            long open = ctx.probe.openConnections();
            if (open >= 0 && open <= baseline) {
                return System.currentTimeMillis();
            }
            LockSupport.parkNanos(200_000_000L);
        }
        return -1;
    }
}
