package io.skyspy.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load generator can learn about the server: CPU and RSS from {@code /proc} when its
 * PID is known, heap and connection counts from its {@code /health}, and a heap measured right
 * after a full collection through {@code jcmd} (same user, same JDK) when asked to.
 */
final class ServerProbe {
    // one line per heap (G1: "garbage-first heap") or per generation (Parallel, Serial); not Metaspace
    private static final Pattern SPACE_USED = Pattern.compile("(?m)^\\s*(\\S[^\\n]*?)\\s+total \\d+K, used (\\d+)K");
    private static final Pattern ZGC_USED = Pattern.compile("ZHeap\\s+used (\\d+)M");

    private final long pid;
    private final URI health;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ServerProbe(long pid, URI health) {
        this.pid = pid;
        this.health = health;
    }

    long pid() {
        return pid;
    }

    long cpuTicks() {
        return pid > 0 ? ProcStat.cpuTicks(pid) : -1;
    }

    long rssBytes() {
        return pid > 0 ? ProcStat.rssBytes(pid) : -1;
    }

    /** The server's /health document, or null when it does not answer (or is not ours). */
    JsonNode health() {
        if (health == null) {
            return null;
        }
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Open connections as the server counts them, or -1. */
    long openConnections() {
        JsonNode h = health();
        return h == null ? -1 : h.path("connections").path("open").asLong(-1);
    }

    /** Heap in use right after a full GC, in bytes, via jcmd; -1 when jcmd cannot reach the server. */
    long heapAfterFullGc() {
        if (pid <= 0) {
            return -1;
        }
        if (jcmd("GC.run") == null) {
            return -1;
        }
        String info = jcmd("GC.heap_info");
        if (info == null) {
            return -1;
        }
        return heapUsedBytes(info);
    }

    /** The heap in use according to {@code jcmd GC.heap_info}, whichever collector printed it; -1 if unknown. */
    static long heapUsedBytes(String heapInfo) {
        Matcher z = ZGC_USED.matcher(heapInfo);
        if (z.find()) {
            return Long.parseLong(z.group(1)) << 20;
        }
        long used = 0;
        boolean found = false;
        Matcher m = SPACE_USED.matcher(heapInfo);
        while (m.find()) {
            if (!m.group(1).startsWith("Metaspace")) {
                used += Long.parseLong(m.group(2)) * 1024;
                found = true;
            }
        }
        return found ? used : -1;
    }

    /** The top of the server's live-object histogram (forces a full GC), or null without jcmd. */
    String classHistogram(int lines) {
        String h = pid > 0 ? jcmd("GC.class_histogram") : null;
        if (h == null) {
            return null;
        }
        String[] all = h.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, 0, Math.min(all.length, lines + 3)));
    }

    private String jcmd(String command) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.jcmd());
        cmd.add(Long.toString(pid));
        cmd.add(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The jcmd of the JDK we run on: the server was started from the same one. */
    private static final class Path {
        static String jcmd() {
            java.nio.file.Path p = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd");
            return java.nio.file.Files.isExecutable(p) ? p.toString() : "jcmd";
        }
    }
}
