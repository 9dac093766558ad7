package io.skyspy.app.bench;

import java.io.IOException;
import java.util.regex.Pattern;

/** Connects N clients and holds them for --duration seconds: the idle scenario's helper process. */
final class HoldScenario {
    /** The line it prints once its ramp has settled, which the idle scenario reads back. */
    static final Pattern HOLDING = Pattern.compile("holding (\\d+) clients, (\\d+) failed");

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
            System.err.println("holding " + fleet.counters.subscribed.get() + " clients, " + fleet.counters.failed() + " failed");
            FanOutScenario.park(o.durationSeconds() * 1000L);
            r.put("connected", fleet.counters.subscribed.get());
            r.put("connect_failures", fleet.counters.failed());
            fleet.closeAll(10_000);
        }
        return r;
    }
}
