package io.skyspy.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario 2: many clients that follow {@code safety} only and so receive (almost) nothing; what
 * each connection costs the server in heap and RSS. Heap is measured right after a full GC
 * before and after connecting. A process may hold fewer sockets than the run needs (the fd hard
 * limit), so a helper load generator process can hold part of them.
 */
final class IdleScenario {
    static final String PATH = "/ws/safety/?topics=all";
    static final String SUBSCRIBE = "{\"action\":\"subscribe\",\"topics\":[\"all\"]}";

    private static final Path HELPER_LOG = Path.of(System.getProperty("java.io.tmpdir"), "skyspy-bench-helper.log");

    private final RunContext ctx;
    private final BenchOptions o;

    IdleScenario(RunContext ctx) {
        this.ctx = ctx;
        this.o = ctx.options;
    }

    Report run() throws IOException {
        Report r = new Report(o, ctx);
        String path = ctx.path(PATH);
        r.put("url", ctx.wsBase() + path);
        FanOutScenario.park(o.warmupSeconds() * 1000L);
        long heapBefore = ctx.probe.heapAfterFullGc();
        long rssBefore = ctx.probe.rssBytes();
        long openBefore = ctx.probe.openConnections();
        Process helper = o.helperClients() > 0 ? startHelper(path) : null;
        try (ClientFleet fleet = new ClientFleet(ctx.address, path, SUBSCRIBE, ctx.sources(), o.threads(), false);
                Sampler sampler = new Sampler(ctx.probe, fleet.counters.open::get, !o.json())) {
            fleet.ramp(o.clients(), perProcessRate());
            boolean settled = fleet.awaitSettled(30_000);
            Optional<HoldScenario.Held> reported = helper == null ? Optional.of(HoldScenario.Held.NONE) : helperReport(120_000);
            HoldScenario.Held byHelper = reported.orElse(HoldScenario.Held.NONE);
            long expected = openBefore + fleet.counters.subscribed.get() + byHelper.held();
            long open = awaitServerOpen(expected, 120_000);
            // let the connections go quiet (first pings, session attach) before measuring
            FanOutScenario.park(o.durationSeconds() * 1000L);
            open = ctx.probe.openConnections();
            long heapAfter = ctx.probe.heapAfterFullGc();
            long rssAfter = ctx.probe.rssBytes();
            long added = open - openBefore;
            String histogram = ctx.probe.classHistogram(30);
            if (histogram != null) {
                // where the per-connection heap goes, for the write-up
                Path file = Path.of(System.getProperty("java.io.tmpdir"), "skyspy-idle-histogram-" + open + ".txt");
                Files.writeString(file, histogram + "\n");
                r.put("class_histogram", file.toString());
            }
            FleetCounters n = fleet.counters;
            r.put("connected", n.subscribed.get());
            r.put("helper_clients", o.helperClients());
            r.put("helper_held", byHelper.held());
            r.put("connect_failures", n.failed() + byHelper.failed());
            r.put("not_subscribed", settled ? 0 : fleet.started() - n.settled());
            r.put("server_open_before", openBefore);
            r.put("server_open_after", open);
            r.put("heap_after_full_gc_mb_before", heapBefore >> 20);
            r.put("heap_after_full_gc_mb_after", heapAfter >> 20);
            r.put("rss_mb_before", rssBefore >> 20);
            r.put("rss_mb_after", rssAfter >> 20);
            double heapPer = added > 0 && heapBefore >= 0 ? (double) (heapAfter - heapBefore) / added : -1;
            double rssPer = added > 0 ? (double) (rssAfter - rssBefore) / added : -1;
            r.put("server_rss_mb_max", sampler.between(0, Long.MAX_VALUE).stream()
                    .mapToLong(Sampler.Sample::serverRss).max().orElse(-1) >> 20);
            r.put("heap_bytes_per_connection", Math.round(heapPer));
            r.put("rss_bytes_per_connection", Math.round(rssPer));
            r.line("%s idle: %d connections held (%d by this process, %d of %d by the helper; server counts %d -> %d), %d failed",
                    o.label(), added, n.subscribed.get(), byHelper.held(), o.helperClients(), openBefore, open,
                    n.failed() + byHelper.failed());
            r.line("heap after full GC %d -> %d MB: %.1f KB per connection; RSS %d -> %d MB: %.1f KB per connection",
                    heapBefore >> 20, heapAfter >> 20, heapPer / 1024, rssBefore >> 20, rssAfter >> 20, rssPer / 1024);
            if (reported.isEmpty()) {
                r.warnings.add("the helper did not report how many connections it holds");
            } else if (open < expected) {
                r.warnings.add("the server holds " + open + " connections, expected " + expected);
            }
            fleet.closeAll(30_000);
        } finally {
            if (helper != null) {
                helper.destroy();
                try {
                    if (!helper.waitFor(30, TimeUnit.SECONDS)) {
                        helper.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    helper.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
        return r;
    }

    /** What the helper says it holds, from the line it prints when its ramp has settled; empty if it does not say so in time. */
    private static Optional<HoldScenario.Held> helperReport(long maxMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (System.nanoTime() < deadline) {
            if (Files.exists(HELPER_LOG)) {
                Optional<HoldScenario.Held> held = Files.readAllLines(HELPER_LOG).stream()
                        .map(HoldScenario.Held::parse).flatMap(Optional::stream).findFirst();
                if (held.isPresent()) {
                    return held;
                }
            }
            LockSupport.parkNanos(500_000_000L);
        }
        return Optional.empty();
    }

    private long awaitServerOpen(long expected, long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        long open = ctx.probe.openConnections();
        while (open < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(500_000_000L);
            open = ctx.probe.openConnections();
        }
        return open;
    }

    /** Both processes ramp at once, so each takes half of {@code --rate}: the server sees the rate asked for. */
    private double perProcessRate() {
        return o.helperClients() > 0 ? o.rate() / 2 : o.rate();
    }

    /** A second load generator JVM holding {@code --helper-clients}, each process within its own fd limit. */
    private Process startHelper(String path) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", ServerProcess.ownJar(), LoadGenerator.class.getName(), "--scenario", "hold",
                "--url", ctx.wsBase() + path, "--clients", Integer.toString(o.helperClients()),
                "--rate", Double.toString(perProcessRate()), "--threads", "1", "--duration", "900", "--json",
                "--label", o.label() + "-helper"));
        if (o.sourceIps() > 1) {
            // ports are allocated per source address machine-wide, so both processes may share the addresses
            cmd.addAll(List.of("--source-ips", Integer.toString(o.sourceIps())));
        }
        Files.deleteIfExists(HELPER_LOG);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(HELPER_LOG.toFile()).start();
    }
}
