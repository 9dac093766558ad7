package io.skyspy.app.bench;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connects N clients and holds them for --duration seconds: the idle scenario's helper process. */
final class HoldScenario {
    /** What it holds once its ramp has settled: printed as one line, which the idle scenario reads back. */
    record Held(long held, long failed) {
        static final Held NONE = new Held(0, 0);
        private static final Pattern LINE = Pattern.compile("holding (\\d+) clients, (\\d+) failed");

        String line() {
            return "holding " + held + " clients, " + failed + " failed";
        }

        static Optional<Held> parse(String line) {
            Matcher m = LINE.matcher(line);
            return m.find() ? Optional.of(new Held(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) : Optional.empty();
        }
    }

    private final RunContext ctx;
    private final BenchOptions o;

    HoldScenario(RunContext ctx) {
        this.ctx = ctx;
        this.o = ctx.options;
    }

    Report run() throws IOException {
        Report r = new Report(o, ctx);
        try (ClientFleet fleet = new ClientFleet(ctx.address, ctx.path(IdleScenario.PATH), IdleScenario.SUBSCRIBE,
                ctx.sources(), o.threads(), false)) {
            fleet.ramp(o.clients(), o.rate());
            fleet.awaitSettled(30_000);
            System.err.println(new Held(fleet.counters.subscribed.get(), fleet.counters.failed()).line());
            FanOutScenario.park(o.durationSeconds() * 1000L);
            r.put("connected", fleet.counters.subscribed.get());
            r.put("connect_failures", fleet.counters.failed());
            fleet.closeAll(10_000);
        }
        return r;
    }
}
