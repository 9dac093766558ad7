package io.skyspy.app.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The server a run talks to (started here or already running), how to reach it, and how to watch it.
 */
final class RunContext implements AutoCloseable {
    final BenchOptions options;
    final InetSocketAddress address;
    final String host;
    final ServerProbe probe;
    final double loadBefore;
    private final ServerProcess child;
    private final URI url;

    private RunContext(BenchOptions options, URI url, ServerProcess child, double loadBefore) {
        this.options = options;
        this.url = url;
        this.child = child;
        this.loadBefore = loadBefore;
        this.host = url.getHost();
        this.address = new InetSocketAddress(url.getHost(), url.getPort());
        long pid = child != null ? child.pid() : options.serverPid();
        this.probe = new ServerProbe(pid, URI.create("http://" + url.getHost() + ":" + url.getPort() + "/health"));
    }

    /** Waits for a quiet machine if asked, then starts the server unless one was given. */
    static RunContext open(BenchOptions o, List<String> extraServerArgs) throws IOException {
        double load = awaitQuiet(o);
        if (!o.spawnsServer()) {
            return new RunContext(o, o.url(), null, load);
        }
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(o.port()),
                "--sim-aircraft", Integer.toString(o.aircraft()), "--sim-rate", Double.toString(o.simRate()),
                // every client comes from a handful of loopback addresses: lift the per-address cap
                // (a later --set of the same key still wins)
                "--set", "skyspy.limits.connections-per-ip=1000000"));
        for (String s : o.serverSets()) {
            args.add("--set");
            args.add(s);
        }
        args.addAll(extraServerArgs);
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "skyspy-bench-server-" + o.port() + ".log");
        ServerProcess child = ServerProcess.start(o.serverJvm(), args, o.port(), log);
        System.err.println("server pid " + child.pid() + ", log " + log);
        return new RunContext(o, URI.create("ws://127.0.0.1:" + o.port() + "/"), child, load);
    }

    private static double awaitQuiet(BenchOptions o) {
        double load = ProcStat.loadAverage1();
        if (o.quietLoad() <= 0) {
            return load;
        }
        long deadline = System.nanoTime() + o.quietWaitSeconds() * 1_000_000_000L;
        while (load >= o.quietLoad() && System.nanoTime() < deadline) {
            System.err.printf("waiting for a quiet machine: 1-min load %.2f >= %.2f%n", load, o.quietLoad());
            LockSupport.parkNanos(10_000_000_000L);
            load = ProcStat.loadAverage1();
        }
        return load;
    }

    /** The URL's own path when it names one, else the scenario's default. */
    String path(String scenarioDefault) {
        String p = url.getRawPath();
        if (p == null || p.isEmpty() || p.equals("/")) {
            return scenarioDefault;
        }
        return url.getRawQuery() == null ? p : p + "?" + url.getRawQuery();
    }

    String wsBase() {
        return "ws://" + host + ":" + address.getPort();
    }

    /** 127.0.0.1 .. 127.0.0.N when the server is on loopback, so each source has its own ephemeral ports. */
    List<InetAddress> sources() throws UnknownHostException {
        List<InetAddress> out = new ArrayList<>();
        if (options.sourceIps() <= 1 || !address.getAddress().isLoopbackAddress()) {
            return out;
        }
        for (int i = 1; i <= options.sourceIps(); i++) {
            out.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
        }
        return out;
    }

    boolean ownsServer() {
        return child != null;
    }

    @Override
    public void close() {
        if (child != null) {
            child.close();
        }
    }
}
