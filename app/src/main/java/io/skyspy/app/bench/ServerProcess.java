package io.skyspy.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The server under test as a child JVM started from the same jar, so that its CPU and memory are
 * measured apart from the load generator's. Stopped (SIGTERM, then SIGKILL) when the run ends.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx2g}
     * @param serverArgs {@code Main}'s flags: --port, --sim-aircraft, --set ...
     */
    static ServerProcess start(List<String> jvmOptions, List<String> serverArgs, int port, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(ownJar());
        cmd.add("io.skyspy.app.Main");
        cmd.addAll(serverArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess s = new ServerProcess(p, log);
        if (!s.awaitPort(port, 60_000)) {
            s.close();
            throw new IOException("server did not open port " + port + " within 60 s; see " + log);
        }
        return s;
    }

    /** Our own class path (the shaded jar, or classes plus dependencies): the server is in it too. */
    static String ownJar() {
        return System.getProperty("java.class.path");
    }

    private boolean awaitPort(int port, long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                LockSupport.parkNanos(200_000_000);
            }
        }
        return false;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
