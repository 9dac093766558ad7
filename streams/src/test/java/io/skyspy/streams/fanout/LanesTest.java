package io.skyspy.streams.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.Channel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LanesTest {
    private static Frame position(long seq) {
        return Frame.of(Channel.AIRCRAFT, Lane.POSITION, seq, ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Frame reply(String text) {
        return Frame.reply(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Supplier<Frame> snapshotAt(long seq) {
        return () -> Frame.of(Channel.AIRCRAFT, Lane.RELIABLE, seq, "{\"snapshot\":true}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theReliableLaneGoesFirst() {
        Lanes lanes = new Lanes(8, 8);
        lanes.addPosition(position(1));
        lanes.addPosition(position(2));
        Frame r = reply("{}");
        lanes.addReliable(r);
        assertSame(r, lanes.next(() -> null));
        assertEquals(1, ((Frame) lanes.next(() -> null)).seq());
        assertEquals(2, ((Frame) lanes.next(() -> null)).seq());
        assertNull(lanes.next(() -> null));
    }

    @Test
    void aBacklogBeyondTheLimitBecomesOneSnapshotAndCoveredFramesAreSkipped() {
        Lanes lanes = new Lanes(8, 4);
        for (long seq = 1; seq <= 10; seq++) {
            lanes.addPosition(position(seq));
        }
        // frames 1-4 filled the lane, 5 overflowed it into a resync, 6-10 are covered by it
        Outbound first = lanes.next(snapshotAt(10));
        assertEquals(10, ((Frame) first).seq());
        assertEquals(Lane.RELIABLE, ((Frame) first).lane());
        lanes.addPosition(position(9)); // published before the snapshot was taken, arriving late
        lanes.addPosition(position(11));
        assertEquals(11, ((Frame) lanes.next(snapshotAt(99))).seq());
        assertNull(lanes.next(snapshotAt(99)));
    }

    @Test
    void aResyncWithoutSnapshotJustContinues() {
        Lanes lanes = new Lanes(8, 8);
        lanes.addResync();
        assertNull(lanes.next(() -> null));
        lanes.addPosition(position(3));
        assertEquals(3, ((Frame) lanes.next(() -> null)).seq());
    }

    @Test
    void anOverflowingReliableLaneEndsWithTooSlow() {
        Lanes lanes = new Lanes(2, 8);
        lanes.addReliable(reply("1"));
        lanes.addReliable(reply("2"));
        lanes.addReliable(reply("3"));
        assertSame(Lanes.TOO_SLOW, lanes.next(() -> null));
        assertSame(Lanes.TOO_SLOW, lanes.next(() -> null));
    }

    @Test
    void onlyAWaitingConsumerIsWokenAndOnlyOnce() {
        Lanes lanes = new Lanes(8, 8);
        assertFalse(lanes.addPosition(position(1)), "nobody waits yet");
        lanes.next(() -> null);
        assertNull(lanes.next(() -> null));
        assertTrue(lanes.addReliable(reply("{}")), "the consumer waits");
        assertFalse(lanes.addPosition(position(2)), "already woken");
    }

    @Test
    void theSnapshotIsTakenOutsideTheLockSoProducersNeverWaitForIt() throws Exception {
        Lanes lanes = new Lanes(8, 8);
        lanes.addResync();
        AtomicInteger addedMeanwhile = new AtomicInteger();
        Outbound s = lanes.next(() -> {
            Thread t = new Thread(() -> {
                lanes.addReliable(reply("meanwhile"));
                addedMeanwhile.incrementAndGet();
            });
            t.start();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return snapshotAt(1).get();
        });
        assertEquals(1, addedMeanwhile.get());
        assertEquals(1, ((Frame) s).seq());
        assertEquals("meanwhile", ((Frame) lanes.next(() -> null)).json().utf8String());
    }
}
