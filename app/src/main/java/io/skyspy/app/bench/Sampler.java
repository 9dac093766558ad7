package io.skyspy.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Once a second: server CPU and RSS, server heap (from /health when it reports it), the load
 * generator's own CPU and the machine's. Logs a line per second to stderr, keeps every sample so
 * that a window's figures can be taken afterwards.
 */
final class Sampler implements AutoCloseable {
    /** One second of the run. CPU fields are cumulative ticks; heap fields -1 when unknown. */
    record Sample(long atMillis, long serverTicks, long serverRss, long selfTicks, long machineBusy, long machineTotal,
            long heapUsed, long heapAfterGc, long gcCount, long gcMillis, long serverOpen, long clientsOpen) {}

    private final ServerProbe server;
    private final LongSupplier clientsOpen;
    private final long selfPid = ProcessHandle.current().pid();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Sampler(ServerProbe server, LongSupplier clientsOpen, boolean log) {
        this.server = server;
        this.clientsOpen = clientsOpen;
        this.thread = new Thread(() -> loop(log), "loadgen-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(boolean log) {
        Sample prev = null;
        while (running) {
            Sample s = take();
            synchronized (samples) {
                samples.add(s);
            }
            if (log && prev != null) {
                double secs = (s.atMillis - prev.atMillis) / 1000.0;
                System.err.printf("%tT clients=%d server_open=%d server_cpu=%.0f%% rss=%dMB heap=%dMB loadgen_cpu=%.0f%% machine=%.0f%%%n",
                        s.atMillis, s.clientsOpen, s.serverOpen, pct(s.serverTicks - prev.serverTicks, secs),
                        s.serverRss >> 20, s.heapUsed >> 20, pct(s.selfTicks - prev.selfTicks, secs),
                        machinePct(prev, s));
            }
            prev = s;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Sample take() {
        long[] m = ProcStat.machineTicks();
        JsonNode h = server.health();
        JsonNode jvm = h == null ? null : h.path("jvm");
        return new Sample(System.currentTimeMillis(), server.cpuTicks(), server.rssBytes(), ProcStat.cpuTicks(selfPid),
                m[0], m[1], field(jvm, "heap_used_bytes"), field(jvm, "heap_after_gc_bytes"), field(jvm, "gc_count"),
                field(jvm, "gc_time_ms"), h == null ? -1 : h.path("connections").path("open").asLong(-1),
                clientsOpen.getAsLong());
    }

    private static long field(JsonNode n, String name) {
        return n == null || n.isMissingNode() ? -1 : n.path(name).asLong(-1);
    }

    static double pct(long ticks, double seconds) {
        return seconds <= 0 || ticks < 0 ? -1 : ticks / ProcStat.TICKS_PER_SECOND / seconds * 100;
    }

    /** Busy share of the whole machine where 100 % per core (200 % = both cores of this box). */
    static double machinePct(Sample a, Sample b) {
        long total = b.machineTotal - a.machineTotal;
        return total <= 0 ? -1 : 100.0 * ProcStat.cores() * (b.machineBusy - a.machineBusy) / total;
    }

    /** Samples taken within {@code [from, to]}, plus the last one before {@code from} as the baseline. */
    List<Sample> between(long from, long to) {
        List<Sample> out = new ArrayList<>();
        synchronized (samples) {
            Sample before = null;
            for (Sample s : samples) {
                if (s.atMillis < from) {
                    before = s;
                } else if (s.atMillis <= to) {
                    out.add(s);
                }
            }
            if (before != null) {
                out.add(0, before);
            }
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
