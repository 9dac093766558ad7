package io.skyspy.app.auth;

import io.skyspy.protocol.Principal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent connections per client address and per identity, a global cap, and a handshake
 * rate: a reconnect storm or one abusive client is refused with a clear reason instead of
 * taking the node down. Admins are exempt from the per-identity limit (not from the global cap).
 * Counters are removed when they reach zero, so many distinct addresses leave nothing behind.
 */
public final class ConnectionLimits {
    /** A slot held by one open connection; release it when the connection ends (idempotent). */
    public interface Lease {
        void release();
    }

    private final AuthSettings.Limits limits;
    private final ConcurrentHashMap<String, Integer> perIp = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perIdentity = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final TokenBucket handshakes;

    public ConnectionLimits(AuthSettings.Limits limits) {
        this.limits = limits;
        int rate = Math.max(1, limits.handshakesPerSecond());
        this.handshakes = new TokenBucket(rate, rate, System.nanoTime());
    }

    /** False when the node takes too many handshakes per second right now. */
    public synchronized boolean admitHandshake() {
        return handshakes.tryTake(System.nanoTime());
    }

    /** A lease, or null with the reason in {@code why[0]} when a limit is reached. */
    public Lease acquire(String ip, Principal principal, String[] why) {
        if (total.incrementAndGet() > limits.maxConnections()) {
            total.decrementAndGet();
            why[0] = "server connection limit reached";
            return null;
        }
        if (!increment(perIp, ip, limits.connectionsPerIp())) {
            total.decrementAndGet();
            why[0] = "too many connections from this address";
            return null;
        }
        String identity = principal.authenticated() && !principal.isAdmin() ? principal.userId() : null;
        if (identity != null && !increment(perIdentity, identity, limits.connectionsPerIdentity())) {
            decrement(perIp, ip);
            total.decrementAndGet();
            why[0] = "too many connections for this identity";
            return null;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                total.decrementAndGet();
                decrement(perIp, ip);
                if (identity != null) {
                    decrement(perIdentity, identity);
                }
            }
        };
    }

    private static boolean increment(ConcurrentHashMap<String, Integer> counts, String key, int limit) {
        boolean[] ok = {false};
        counts.compute(key, (k, v) -> {
            int n = v == null ? 0 : v;
            ok[0] = n < limit;
            return ok[0] ? n + 1 : (v == null ? null : v);
        });
        return ok[0];
    }

    private static void decrement(ConcurrentHashMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, v) -> v <= 1 ? null : v - 1);
    }

    public int total() {
        return total.get();
    }

    public int trackedAddresses() {
        return perIp.size();
    }
}
