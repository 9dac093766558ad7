package io.skyspy.app.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * Scenario 1 (fan-out) and 3 (critical lane): N clients follow {@code aircraft}; count what they
 * get against what the simulator produced, and time it. With an {@link SbsInjector}, emergency
 * squawks are injected during the window and timed until every client has them.
 */
final class FanOutScenario {
    // one aircraft per injection: an aircraft already in an emergency opens no new event
    static final int MAX_INJECTIONS = 12;
    private static final String[] CRITICAL_HEXES = IntStream.rangeClosed(1, MAX_INJECTIONS)
            .mapToObj(i -> String.format("BE77%02d", i)).toArray(String[]::new);
    private static final long CRITICAL_WAIT_MILLIS = 4000;
    private static final String WARM_UP_HEX = "BE7700";

    private final RunContext ctx;
    private final BenchOptions o;
    private final SbsInjector sbs;

    FanOutScenario(RunContext ctx, SbsInjector sbs) {
        this.ctx = ctx;
        this.o = ctx.options;
        this.sbs = sbs;
    }

    Report run() throws IOException {
        Report report = new Report(o, ctx);
        boolean critical = sbs != null;
        String path = critical ? "/ws/all/?topics=aircraft,safety&updates=false" : "/ws/aircraft/?topics=aircraft&updates=false";
        String subscribe = critical ? "{\"action\":\"subscribe\",\"topics\":[\"aircraft\",\"safety\"]}"
                : "{\"action\":\"subscribe\",\"topics\":[\"aircraft\"]}";
        String clientPath = ctx.path(path);
        report.put("url", ctx.wsBase() + clientPath);
        try (ClientFleet fleet = new ClientFleet(ctx.address, clientPath, subscribe, ctx.sources(), o.threads(), false);
                Sampler sampler = new Sampler(ctx.probe, fleet.counters.open::get, !o.json())) {
            long rampStart = System.currentTimeMillis();
            fleet.ramp(o.clients(), o.rate());
            boolean settled = fleet.awaitSettled(30_000);
            report.put("ramp_s", Report.round((System.currentTimeMillis() - rampStart) / 1000.0));
            Map<String, Object> warmUp = null;
            if (critical) {
                announce(fleet);
                warmUp = warmUpInjection(fleet, report);
            }
            park(o.warmupSeconds() * 1000L);

            long[] reactorCpu = fleet.reactors().stream().mapToLong(Reactor::cpuNanos).toArray();
            long start = System.currentTimeMillis();
            long subscribedAtStart = fleet.counters.open.get();
            fleet.window.open(start, o.durationSeconds() * 1000L, o.graceSeconds() * 1000L);
            List<Map<String, Object>> injections = critical ? inject(fleet, start) : List.of();
            parkUntil(start + o.durationSeconds() * 1000L);
            long end = System.currentTimeMillis();
            report.resources(sampler, ctx.probe.pid(), start, end, fleet.reactors(), reactorCpu);
            parkUntil(end + o.graceSeconds() * 1000L);

            ReactorStats stats = fleet.takeStats();
            List<ClientFleet.ClientSnapshot> clients = fleet.clients();
            results(report, fleet, stats, clients, subscribedAtStart, settled);
            if (critical) {
                Map<String, Object> lane = criticalSummary(report, injections);
                lane.put("warm_up_injection", warmUp);
                report.put("critical_lane", lane);
            }
            fleet.closeAll(10_000);
        }
        return report;
    }

    private void results(Report r, ClientFleet fleet, ReactorStats stats, List<ClientFleet.ClientSnapshot> clients,
            long subscribedAtStart, boolean settled) {
        double secs = o.durationSeconds();
        long produced = stats.produced.values().stream().mapToLong(Integer::longValue).sum();
        double nominal = o.nominalDeltasPerSecond() * secs;
        double sumPct = 0;
        double minPct = Double.MAX_VALUE;
        long measured = 0;
        long withGaps = 0;
        long gaps = 0;
        for (ClientFleet.ClientSnapshot c : clients) {
            if (!c.subscribed()) {
                continue;
            }
            measured++;
            double pct = produced == 0 ? 0 : 100.0 * c.windowDeltas() / produced;
            sumPct += pct;
            minPct = Math.min(minPct, pct);
            gaps += c.seqGaps();
            withGaps += c.seqGaps() > 0 ? 1 : 0;
        }
        double completeness = measured == 0 ? 0 : sumPct / measured;
        double vsNominal = nominal == 0 ? 0 : completeness * produced / nominal;
        FleetCounters n = fleet.counters;
        r.put("connected", subscribedAtStart);
        r.put("connect_failures", n.failed());
        r.put("failures_by_kind", Map.of("connect", n.connectFailures.get(), "handshake", n.handshakeFailures.get(),
                "closed_before_subscribed", n.closedBeforeSubscribed.get()));
        r.put("not_subscribed", settled ? 0 : fleet.started() - n.settled());
        r.put("dropped_during_run", n.dropped.get());
        r.put("first_errors", n.errors());
        r.put("window_s", o.durationSeconds());
        r.put("frames_per_s", Report.round(stats.frames / secs));
        r.put("deltas_per_s", Math.round(stats.deltas / secs));
        r.put("bytes_per_s", Math.round(stats.bytes / secs));
        r.put("batches_per_s", Report.round(stats.produced.size() / secs));
        r.put("produced_deltas", produced);
        r.put("nominal_deltas", Math.round(nominal));
        r.put("completeness_pct", Report.round(completeness));
        r.put("completeness_vs_nominal_pct", Report.round(vsNominal));
        r.put("min_client_completeness_pct", Report.round(measured == 0 ? 0 : minPct));
        r.put("seq_gaps", gaps);
        r.put("clients_with_seq_gaps", withGaps);
        r.put("latency_ms", Report.latency(stats.latencyMillis));
        r.line("%s, %d clients (%d subscribed, %d failed, %d dropped), %d aircraft at %.1f Hz, window %d s",
                o.label(), o.clients(), subscribedAtStart, n.failed(), n.dropped.get(), o.aircraft(), o.simRate(),
                o.durationSeconds());
        r.line("delivered %,d deltas/s (%,.1f frames/s, %,.1f MB/s); server produced %.1f batches/s, %,d deltas",
                Math.round(stats.deltas / secs), stats.frames / secs, stats.bytes / secs / 1e6,
                stats.produced.size() / secs, produced);
        r.line("completeness %.2f%% of produced (min client %.2f%%), %.2f%% of nominal (%d aircraft x %.1f Hz); %d clients saw seq gaps",
                completeness, measured == 0 ? 0 : minPct, vsNominal, o.aircraft(), o.simRate(), withGaps);
        r.line("latency batch timestamp -> receipt: %s", Report.latencyText(stats.latencyMillis));
        if (n.failed() > 0 || n.dropped.get() > 0) {
            r.warnings.add(n.failed() + " clients failed to connect or subscribe, " + n.dropped.get() + " were dropped");
        }
    }

    // ---- critical lane

    private void announce(ClientFleet fleet) throws IOException {
        if (!sbs.awaitFeedConnected(30_000)) {
            throw new IOException("the server never connected to the SBS feed on port " + sbs.port());
        }
        for (int i = 0; i < o.injections(); i++) {
            sbs.announce(hex(i), "CRIT" + (i + 1), 33.9 + 0.01 * i, -118.4, 12000);
        }
        sbs.announce(WARM_UP_HEX, "CRIT0", 33.89, -118.4, 12000);
        SquawkWatch.warmUp();
        // the aircraft must be known (aircraft:new delivered) before only its squawk changes
        park(2000);
    }

    /**
     * One injection right after the ramp, reported apart and not counted: it shows the transient
     * the window leaves out (the young collections that promote the new connections, and code
     * paths that no message before the first emergency has run).
     */
    private Map<String, Object> warmUpInjection(ClientFleet fleet, Report r) throws IOException {
        Map<String, Object> m = injectAndTime(fleet, WARM_UP_HEX);
        Histogram event = (Histogram) m.remove("_event");
        m.remove("_delta");
        r.line("critical lane, warm-up injection before the window (not counted): safety:event %d clients, %s",
                event.getTotalCount(), Report.latencyText(event));
        return m;
    }

    private static String hex(int i) {
        return CRITICAL_HEXES[i];
    }

    private List<Map<String, Object>> inject(ClientFleet fleet, long windowStart) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        long at = windowStart + 2000;
        for (int i = 0; i < o.injections(); i++) {
            parkUntil(at);
            for (int k = 0; k < o.injections(); k++) {
                sbs.position(hex(k), 33.9 + 0.01 * k, -118.4, 12000);
            }
            out.add(injectAndTime(fleet, hex(i)));
            at = System.currentTimeMillis() + 1000;
        }
        return out;
    }

    /** One 7700 for {@code hex}, then the times every client took to have it (after the wait). */
    private Map<String, Object> injectAndTime(ClientFleet fleet, String hex) throws IOException {
        fleet.armCritical(hex);
        long injectedAt = sbs.squawk7700(hex);
        parkUntil(injectedAt + CRITICAL_WAIT_MILLIS);
        return criticalTimes(fleet, hex, injectedAt);
    }

    private Map<String, Object> criticalTimes(ClientFleet fleet, String hex, long injectedAt) {
        Histogram delta = new Histogram(3_600_000L, 3);
        Histogram event = new Histogram(3_600_000L, 3);
        long subscribed = 0;
        for (ClientFleet.ClientSnapshot c : fleet.clients()) {
            if (!c.subscribed() || !c.open()) {
                continue;
            }
            subscribed++;
            if (c.criticalDeltaAtMillis() > 0) {
                delta.recordValue(Math.max(0, c.criticalDeltaAtMillis() - injectedAt));
            }
            if (c.criticalEventAtMillis() > 0) {
                event.recordValue(Math.max(0, c.criticalEventAtMillis() - injectedAt));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hex", hex);
        m.put("injected_at", Instant.ofEpochMilli(injectedAt).toString());
        m.put("clients", subscribed);
        m.put("got_delta_7700", delta.getTotalCount());
        m.put("delta_ms", Report.latency(delta));
        m.put("got_safety_event", event.getTotalCount());
        m.put("safety_event_ms", Report.latency(event));
        m.put("_delta", delta);
        m.put("_event", event);
        return m;
    }

    private Map<String, Object> criticalSummary(Report r, List<Map<String, Object>> injections) {
        Histogram delta = new Histogram(3_600_000L, 3);
        Histogram event = new Histogram(3_600_000L, 3);
        long expected = 0;
        for (Map<String, Object> m : injections) {
            delta.add((Histogram) m.remove("_delta"));
            event.add((Histogram) m.remove("_event"));
            expected += (Long) m.get("clients");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("measured_from", "the SBS line written to the feed socket");
        s.put("injections", injections);
        s.put("expected_deliveries", expected);
        s.put("aircraft_delta_7700_deliveries", delta.getTotalCount());
        s.put("aircraft_delta_7700_ms", Report.latency(delta));
        s.put("safety_event_deliveries", event.getTotalCount());
        s.put("safety_event_ms", Report.latency(event));
        r.line("critical lane, %d injections, feed -> client: aircraft:delta squawk 7700 %d/%d clients, %s",
                injections.size(), delta.getTotalCount(), expected, Report.latencyText(delta));
        r.line("critical lane, safety:event: %d/%d clients%s", event.getTotalCount(), expected,
                event.getTotalCount() == 0 ? " (the server sent none: measured the aircraft:delta only)"
                        : ", " + Report.latencyText(event));
        return s;
    }

    static void park(long millis) {
        parkUntil(System.currentTimeMillis() + millis);
    }

    static void parkUntil(long wallMillis) {
        long left;
        while ((left = wallMillis - System.currentTimeMillis()) > 0) {
            LockSupport.parkNanos(left * 1_000_000L);
        }
    }
}
