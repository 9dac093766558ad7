package io.skyspy.app.bench;

import io.skyspy.protocol.Json;
import io.skyspy.protocol.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** One run's result: a JSON line (appended to --out) and a human summary, with the trust warnings. */
final class Report {
    final Map<String, Object> json = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();
    private final StringBuilder summary = new StringBuilder();

    Report(BenchOptions o, RunContext ctx) {
        json.put("label", o.label());
        json.put("scenario", o.scenario());
        json.put("date", Timestamps.iso(System.currentTimeMillis()));
        json.put("clients", o.clients());
        json.put("aircraft", o.aircraft());
        json.put("sim_rate_hz", o.simRate());
        json.put("server_settings", o.serverSets());
        json.put("machine", Map.of("cores", ProcStat.cores(), "os", System.getProperty("os.name") + " "
                + System.getProperty("os.version"), "loadavg_1m_before", ctx.loadBefore));
        json.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        json.put("server_jvm_options", ctx.ownsServer() ? o.serverJvm() : List.of());
    }

    void put(String key, Object value) {
        json.put(key, value);
    }

    void line(String format, Object... args) {
        summary.append(String.format(format, args)).append('\n');
    }

    static Map<String, Object> latency(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return m;
        }
        m.put("min", h.getMinValue());
        m.put("p50", h.getValueAtPercentile(50));
        m.put("p90", h.getValueAtPercentile(90));
        m.put("p99", h.getValueAtPercentile(99));
        m.put("p99_9", h.getValueAtPercentile(99.9));
        m.put("max", h.getMaxValue());
        m.put("mean", Math.round(h.getMean() * 10) / 10.0);
        return m;
    }

    static String latencyText(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "none";
        }
        return String.format("min %d / p50 %d / p90 %d / p99 %d / p99.9 %d / max %d ms (%d samples)", h.getMinValue(),
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
                h.getTotalCount());
    }

    /**
     * Server and load generator resources over {@code [from, to]}, and the warnings that make the
     * numbers untrustworthy: a saturated reactor thread or a saturated machine.
     */
    void resources(Sampler sampler, long serverPid, long from, long to, List<Reactor> reactors, long[] reactorCpuAtStart) {
        List<Sampler.Sample> s = sampler.between(from, to);
        if (s.size() < 2) {
            warnings.add("too few resource samples in the window");
            return;
        }
        Sampler.Sample a = s.get(0);
        Sampler.Sample b = s.get(s.size() - 1);
        double secs = (b.atMillis() - a.atMillis()) / 1000.0;
        long rssMax = -1;
        long heapMax = -1;
        for (Sampler.Sample x : s) {
            rssMax = Math.max(rssMax, x.serverRss());
            heapMax = Math.max(heapMax, x.heapUsed());
        }
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("pid", serverPid);
        server.put("cpu_pct", round(Sampler.pct(b.serverTicks() - a.serverTicks(), secs)));
        server.put("rss_mb_max", rssMax < 0 ? -1 : rssMax >> 20);
        server.put("heap_used_mb_max", heapMax < 0 ? -1 : heapMax >> 20);
        // G1 updates the old generation's after-GC figure only on old collections; the lowest heap
        // seen in the first and last 10 s (right after young GCs) shows growth in any case
        server.put("heap_floor_mb_first_10s", mb(floor(s, a.atMillis(), a.atMillis() + 10_000)));
        server.put("heap_floor_mb_last_10s", mb(floor(s, b.atMillis() - 10_000, b.atMillis())));
        server.put("heap_after_gc_mb_start", mb(a.heapAfterGc()));
        server.put("heap_after_gc_mb_end", mb(b.heapAfterGc()));
        server.put("gc_count", b.gcCount() < 0 ? -1 : b.gcCount() - a.gcCount());
        server.put("gc_time_ms", b.gcMillis() < 0 ? -1 : b.gcMillis() - a.gcMillis());
        json.put("server", server);
        double machine = Sampler.machinePct(a, b);
        double self = Sampler.pct(b.selfTicks() - a.selfTicks(), secs);
        double busiest = 0;
        for (int i = 0; i < reactors.size(); i++) {
            double busy = (reactors.get(i).cpuNanos() - reactorCpuAtStart[i]) / 1e9 / ((to - from) / 1000.0) * 100;
            busiest = Math.max(busiest, busy);
        }
        Map<String, Object> loadgen = new LinkedHashMap<>();
        loadgen.put("cpu_pct", round(self));
        loadgen.put("busiest_reactor_thread_pct", round(busiest));
        loadgen.put("threads", reactors.size());
        loadgen.put("rss_mb", ProcStat.rssBytes(ProcessHandle.current().pid()) >> 20);
        json.put("loadgen", loadgen);
        json.put("machine_busy_pct", round(machine));
        if (busiest > 85) {
            warnings.add(String.format("a load generator thread was %.0f%% busy: receipt times include its queueing", busiest));
        }
        if (machine > 90.0 * ProcStat.cores()) {
            warnings.add(String.format("the machine was %.0f%% busy (of %d%%): server and load generator compete for CPU",
                    machine, 100 * ProcStat.cores()));
        }
        line("server: cpu %.0f%%, rss max %d MB, heap max %d MB (floor first/last 10 s %s -> %s MB), %s GCs / %s ms",
                Sampler.pct(b.serverTicks() - a.serverTicks(), secs), rssMax >> 20, heapMax >> 20,
                server.get("heap_floor_mb_first_10s"), server.get("heap_floor_mb_last_10s"), server.get("gc_count"),
                server.get("gc_time_ms"));
        line("load generator: cpu %.0f%% (busiest reactor thread %.0f%%), machine busy %.0f%% of %d%%",
                self, busiest, machine, 100 * ProcStat.cores());
    }

    private static long floor(List<Sampler.Sample> samples, long from, long to) {
        long min = Long.MAX_VALUE;
        for (Sampler.Sample x : samples) {
            if (x.atMillis() >= from && x.atMillis() <= to && x.heapUsed() >= 0) {
                min = Math.min(min, x.heapUsed());
            }
        }
        return min == Long.MAX_VALUE ? -1 : min;
    }

    private static long mb(long bytes) {
        return bytes < 0 ? -1 : bytes >> 20;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Prints the summary (stderr) and the JSON line (stdout), and appends the JSON to --out. */
    void emit(BenchOptions o) throws IOException {
        json.put("trustworthy", warnings.isEmpty());
        json.put("warnings", warnings);
        String line = Json.MAPPER.writeValueAsString(json);
        if (!o.json()) {
            System.err.println();
            System.err.print(summary);
            for (String w : warnings) {
                System.err.println("WARNING, numbers not trustworthy: " + w);
            }
        }
        System.out.println(line);
        if (o.out() != null) {
            Files.writeString(Path.of(o.out()), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
