package io.skyspy.app.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AcceptPacerTest {
    /** Runs the probes only when told: the dispatcher's queue, held still. */
    private static final class HeldExecutor implements Executor {
        final ArrayDeque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            for (Runnable r; (r = queued.poll()) != null; ) {
                r.run();
            }
        }
    }

    private int wakes;
    private long now;

    private AcceptPacer pacer(Executor executor, long maxLagMillis, int batch) {
        return new AcceptPacer(new AcceptPacer.Settings(executor, TimeUnit.MILLISECONDS.toNanos(maxLagMillis), batch),
                () -> wakes++, () -> now);
    }

    private static int acceptAll(AcceptPacer pacer, int upTo) {
        int n = 0;
        while (n < upTo && pacer.mayAccept()) {
            pacer.accepted();
            n++;
        }
        return n;
    }

    @Test
    void acceptsABatchThenWaitsForTheProbe() {
        HeldExecutor dispatcher = new HeldExecutor();
        AcceptPacer pacer = pacer(dispatcher, 100, 4);

        assertEquals(4, acceptAll(pacer, 100));
        assertTrue(pacer.waiting());
        assertEquals(1, dispatcher.queued.size(), "one probe out at a time");

        dispatcher.runAll();
        assertEquals(1, wakes);
        assertFalse(pacer.waiting());
        assertEquals(4, acceptAll(pacer, 100), "a probe that ran in time grants the next batch");
    }

    @Test
    void aLateProbePausesAcceptingUntilAProbeRunsInTime() {
        HeldExecutor dispatcher = new HeldExecutor();
        AcceptPacer pacer = pacer(dispatcher, 1, 2);
        assertEquals(2, acceptAll(pacer, 100));

        // the dispatcher is behind: its probe waits longer than 1 ms
        now += TimeUnit.MILLISECONDS.toNanos(5);
        dispatcher.runAll();

        assertFalse(pacer.mayAccept(), "the late probe refuses the next batch");
        assertTrue(pacer.waiting(), "and sends another");
        dispatcher.runAll();
        assertEquals(2, acceptAll(pacer, 100), "which ran at once: accepting resumes");
    }

    @Test
    void aDispatcherThatNeverCatchesUpStillGetsABatchNowAndThen() {
        HeldExecutor dispatcher = new HeldExecutor();
        AcceptPacer pacer = pacer(dispatcher, 1, 3);
        assertEquals(3, acceptAll(pacer, 100));
        int refused = 0;
        while (true) {
            now += TimeUnit.MILLISECONDS.toNanos(5);
            dispatcher.runAll();
            if (pacer.mayAccept()) {
                break;
            }
            refused++;
        }
        assertEquals(AcceptPacer.LATE_PROBES_PER_BATCH - 1, refused);
        assertEquals(3, acceptAll(pacer, 100));
    }

    @Test
    void zeroLagNeverPauses() {
        HeldExecutor dispatcher = new HeldExecutor();
        AcceptPacer pacer = pacer(dispatcher, 0, 2);
        assertEquals(1000, acceptAll(pacer, 1000));
        assertFalse(pacer.waiting());
        assertTrue(dispatcher.queued.isEmpty());
    }
}
