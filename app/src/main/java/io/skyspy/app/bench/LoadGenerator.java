package io.skyspy.app.bench;

import java.util.List;

/**
 * The project's load generator: {@code java -cp skyspy.jar io.skyspy.app.bench.LoadGenerator --help}.
 *
 * <p>Plain java.nio: a couple of selector threads, a minimal WebSocket client, batches read from
 * their last bytes only, latency in an HdrHistogram. It starts the server as a child JVM (or
 * targets a running one), runs one scenario, prints a summary and one JSON line.
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.print(BenchOptions.HELP);
            return;
        }
        Report report = run(o);
        report.emit(o);
        System.exit(0);
    }

    /** Runs one scenario to the end and returns its report (the smoke test calls this too). */
    static Report run(BenchOptions o) throws Exception {
        if (o.scenario().equals("critical")) {
            if (!o.spawnsServer()) {
                throw new IllegalArgumentException("the critical scenario starts its own server (it serves the SBS feed)");
            }
            try (SbsInjector sbs = new SbsInjector();
                    RunContext ctx = RunContext.open(o, List.of("--feed", "sim", "--feed", sbs.feed()))) {
                return new FanOutScenario(ctx, sbs).run();
            }
        }
        try (RunContext ctx = RunContext.open(o, List.of())) {
            return switch (o.scenario()) {
                case "idle" -> new IdleScenario(ctx).run();
                case "churn" -> new ChurnScenario(ctx).run();
                case "hold" -> new HoldScenario(ctx).run();
                default -> new FanOutScenario(ctx, null).run();
            };
        }
    }
}
