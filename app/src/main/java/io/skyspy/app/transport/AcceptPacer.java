package io.skyspy.app.transport;

import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Accepts only as many connections as the connections' dispatcher keeps up with.
 *
 * <p>Every accepted connection costs its dispatcher an HTTP upgrade, a stream, a session attach
 * and a snapshot. Accepting straight from the backlog, as fast as clients connected, queued that
 * work faster than two cores did it: in a reconnect storm of 500 clients per second with the
 * session shards already allocated, 278 and 618 of 5,000 session attaches still exceeded their
 * 6 s timeout, and those clients were closed with 1011; paced, none did (app/bench/RESULTS.md,
 * 2026-12-03, before midnight). Accepting goes in batches, and the next batch waits until a
 * probe task, submitted to the same dispatcher with the last one, has run within
 * {@code maxLagNanos}. Clients not accepted yet wait in the kernel's backlog, where they cost
 * nothing and time out nothing of ours. A dispatcher that never catches up still gets a batch
 * after every {@value #LATE_PROBES_PER_BATCH} late probes (at least that many times
 * {@code maxLagNanos}), so accepting slows down but never stops.
 *
 * <p>{@link #mayAccept} and {@link #accepted} are called on the selector loop's thread only.
 */
final class AcceptPacer {
    static final int LATE_PROBES_PER_BATCH = 10;

    /**
     * @param executor where the connections run
     * @param maxLagNanos how long a task may wait there before accepting pauses; 0 = never pause
     * @param batch connections accepted per probe
     */
    record Settings(Executor executor, long maxLagNanos, int batch) {
        static final Settings OFF = new Settings(Runnable::run, 0, 1);
    }

    private final Executor executor;
    private final long maxLagNanos;
    private final int batch;
    private final Runnable wake;
    private final LongSupplier nanoClock;
    private int credit;
    private int lateProbes;
    private volatile boolean probing;
    private volatile long lastLagNanos;

    /** @param wake called (on the executor) when a probe has run, so that the loop looks again */
    AcceptPacer(Settings settings, Runnable wake) {
        this(settings, wake, System::nanoTime);
    }

    AcceptPacer(Settings settings, Runnable wake, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.executor = settings.executor();
        this.maxLagNanos = settings.maxLagNanos();
        this.batch = settings.batch();
        this.wake = wake;
    }

    /** Whether one more connection may be accepted now; may start a probe. */
    boolean mayAccept() {
        if (maxLagNanos <= 0 || credit > 0) {
            return true;
        }
        if (probing) {
            return false;
        }
        boolean keptUp = lastLagNanos <= maxLagNanos || ++lateProbes >= LATE_PROBES_PER_BATCH;
        if (keptUp) {
            credit = batch;
            lateProbes = 0;
        }
        probe();
        return keptUp;
    }

    void accepted() {
        if (credit > 0) {
            credit--;
        }
    }

    /** True while a probe is out: accepting resumes when it has run ({@code wake}). */
    boolean waiting() {
        return maxLagNanos > 0 && credit == 0 && probing;
    }

    private void probe() {
        probing = true;
        long sent = nanoClock.getAsLong();
        executor.execute(() -> {
            lastLagNanos = nanoClock.getAsLong() - sent;
            probing = false;
            wake.run();
        });
    }
}
