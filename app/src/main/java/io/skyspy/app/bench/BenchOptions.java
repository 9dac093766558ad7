package io.skyspy.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The load generator's flags; see {@link #HELP}. */
record BenchOptions(
        String scenario,
        URI url,
        long serverPid,
        int port,
        int clients,
        double rate,
        int warmupSeconds,
        int durationSeconds,
        int graceSeconds,
        int threads,
        int aircraft,
        double simRate,
        List<String> serverSets,
        List<String> serverJvm,
        int sourceIps,
        String label,
        String out,
        double quietLoad,
        int quietWaitSeconds,
        int helperClients,
        int injections,
        boolean json) {

    static final String HELP = """
            Usage: java -cp skyspy.jar io.skyspy.app.bench.LoadGenerator [options]

            Scenarios (--scenario):
              fanout    N clients subscribed to aircraft; delivered deltas/s, completeness, latency (default)
              idle      N clients subscribed to safety only; server heap and RSS per connection
              critical  fanout plus 7700 squawks injected through an SBS feed the load generator serves
              churn     --rate connects + disconnects per second for --duration s; leaks and failed handshakes
              hold      just hold N subscribed clients for --duration s (the idle scenario's helper process)

            Server: by default a child JVM from this jar on 127.0.0.1:--port, with the simulator sized by
            --aircraft and --sim-rate; or an already running one with --url (and --server-pid for CPU/RSS).
              --url WS_URL            e.g. ws://127.0.0.1:8000/ws/aircraft/?updates=false
              --server-pid PID        CPU/RSS from /proc, heap after full GC via jcmd
              --port N                port of the child server (default 18765)
              --aircraft N            simulated aircraft (default 1000)
              --sim-rate HZ           updates per aircraft per second (default 1)
              --set KEY=VALUE         passed to the child server as --set (repeatable), e.g. skyspy.batching.max-size=200
              --server-jvm "OPTS"     JVM options of the child server
                                      (default: those of app/bench/server-jvm.options, see the README)
            Clients:
              --clients N             (default 100)      --rate N     connects per second (default 200)
              --threads N             reactor threads (default 2)
              --source-ips N          bind clients to 127.0.0.1..127.0.0.N to spread ephemeral ports (default 1)
              --helper-clients N      idle: a second load generator process holds N more clients (fd limit)
              --injections N          critical: how many 7700 squawks to inject in the window, one every ~5 s
                                      (default 3, at most 12), after one warm-up injection reported apart
            Phases: ramp, then --warmup s (default 5), --duration s window (default 30), --grace s (default 3)
            Output: --label NAME, --out FILE (appends one JSON line), --json (JSON only on stdout)
              --quiet-load L          wait (at most --quiet-wait s, default 300) until the 1-min load is below L
            """;

    static BenchOptions parse(String[] args) {
        String scenario = "fanout";
        URI url = null;
        long pid = -1;
        int port = 18765;
        int clients = 100;
        double rate = 200;
        int warmup = 5;
        int duration = 30;
        int grace = 3;
        int threads = 2;
        int aircraft = 1000;
        double simRate = 1;
        List<String> sets = new ArrayList<>();
        List<String> jvm = defaultServerJvm();
        int sourceIps = 1;
        String label = "skyspy";
        String out = null;
        double quiet = 0;
        int quietWait = 300;
        int helper = 0;
        int injections = 3;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String f = args[i];
            if (f.equals("--help") || f.equals("-h")) {
                return null;
            }
            if (f.equals("--json")) {
                json = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + f);
            }
            String v = args[++i];
            switch (f) {
                case "--scenario" -> scenario = v;
                case "--url" -> url = URI.create(v);
                case "--server-pid" -> pid = Long.parseLong(v.split(",")[0]);
                case "--port" -> port = Integer.parseInt(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--duration" -> duration = Integer.parseInt(v);
                case "--grace" -> grace = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--aircraft" -> aircraft = Integer.parseInt(v);
                case "--sim-rate" -> simRate = Double.parseDouble(v);
                case "--set" -> sets.add(v);
                case "--server-jvm" -> jvm = words(v);
                case "--source-ips" -> sourceIps = Integer.parseInt(v);
                case "--label" -> label = v;
                case "--out" -> out = v;
                case "--quiet-load" -> quiet = Double.parseDouble(v);
                case "--quiet-wait" -> quietWait = Integer.parseInt(v);
                case "--helper-clients" -> helper = Integer.parseInt(v);
                case "--injections" -> injections = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + f + " (see --help)");
            }
        }
        if (!List.of("fanout", "idle", "critical", "churn", "hold").contains(scenario)) {
            throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        if (injections < 1 || injections > FanOutScenario.MAX_INJECTIONS) {
            throw new IllegalArgumentException("--injections: 1 to " + FanOutScenario.MAX_INJECTIONS);
        }
        return new BenchOptions(scenario, url, pid, port, clients, rate, warmup, duration, grace, threads, aircraft,
                simRate, List.copyOf(sets), jvm, sourceIps, label, out, quiet, quietWait, helper, injections, json);
    }

    boolean spawnsServer() {
        return url == null;
    }

    /** Deltas the simulator produces per second: what every aircraft-subscribed client should get. */
    double nominalDeltasPerSecond() {
        return aircraft * simRate;
    }

    /** The flags of app/bench/server-jvm.options, which the build copies next to this class. */
    static List<String> defaultServerJvm() {
        try (InputStream in = BenchOptions.class.getResourceAsStream("server-jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("server-jvm.options is missing from the jar");
            }
            return words(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
