package io.skyspy.streams.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.apache.pekko.stream.javadsl.Keep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ConnectionOutletTest {
    private static final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private static Frame position(long seq) {
        return Frame.of(Channel.AIRCRAFT, Lane.POSITION, seq, ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Outbound> pull(SinkQueueWithCancel<Outbound> q) throws Exception {
        return q.pull().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatDoesNotReadIsConflatedToOneSnapshotAndNothingPilesUp() throws Exception {
        AtomicLong snapshotSeq = new AtomicLong();
        Frame snapshot = Frame.of(Channel.AIRCRAFT, Lane.RELIABLE, 0, "{\"type\":\"aircraft:snapshot\"}".getBytes(StandardCharsets.UTF_8));
        ConnectionOutlet outlet = new ConnectionOutlet("t", 16, 4, () -> new Frame(snapshot.channel(), snapshot.lane(),
                snapshotSeq.get(), snapshot.json(), snapshot.ws()));
        CountDownLatch ready = new CountDownLatch(1);
        // a sink that only takes what we pull: nothing is pulled while we flood
        SinkQueueWithCancel<Outbound> queue = outlet.source(ready::countDown, () -> { })
                .toMat(Sink.queue(1), Keep.right()).run(kit.system());
        assertTrue(ready.await(5, TimeUnit.SECONDS));
        for (long seq = 1; seq <= 10_001; seq++) {
            snapshotSeq.set(seq); // as the hub: the picture moves before its frame is published
            outlet.offer(position(seq)); // never blocks, whatever the client does
        }
        List<Outbound> got = new ArrayList<>();
        while (got.isEmpty() || !(got.get(got.size() - 1) instanceof Frame last && last.seq() >= 10_001)) {
            got.add(pull(queue).orElseThrow());
            assertTrue(got.size() < 50, "the backlog was not conflated: " + got.size() + " elements");
        }
        long covered = -1;
        for (Outbound o : got) {
            Frame f = (Frame) o;
            if (f.lane() == Lane.RELIABLE) {
                covered = f.seq();
            } else {
                assertTrue(f.seq() > covered, "a frame the snapshot already covers was sent: " + f.seq() + " <= " + covered);
            }
        }
        assertTrue(covered > 0, "a snapshot replaced the backlog");
        queue.cancel();
    }

    @Test
    void repliesOvertakePositionFramesAlreadyQueued() throws Exception {
        ConnectionOutlet outlet = new ConnectionOutlet("t", 16, 16, () -> null);
        List<Frame> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(Frame.reply(("{\"type\":\"safety:event\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        // queued before the stream runs, so both lanes hold elements whenever the merge chooses
        SinkQueueWithCancel<Outbound> queue = outlet.source(() -> {
            for (long seq = 1; seq <= 12; seq++) {
                outlet.offer(position(seq));
            }
            replies.forEach(outlet::send);
        }, () -> { }).toMat(Sink.queue(1), Keep.right()).run(kit.system());
        List<Outbound> got = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            got.add(pull(queue).orElseThrow());
        }
        // a couple of position frames are already in flight when the first reply arrives; with the
        // position lane preferred instead, all twelve come before the last reply
        int last = got.indexOf(replies.get(5));
        assertTrue(last <= 9, "the reliable lane must be preferred: the last reply came at " + last + " of " + got);
        queue.cancel();
    }

    @Test
    void reliableLaneOverflowEndsWithA1008Close() throws Exception {
        ConnectionOutlet outlet = new ConnectionOutlet("t", 4, 4, () -> null);
        CountDownLatch ready = new CountDownLatch(1);
        SinkQueueWithCancel<Outbound> queue = outlet.source(ready::countDown, () -> { })
                .toMat(Sink.queue(1), Keep.right()).run(kit.system());
        assertTrue(ready.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            outlet.send(Frame.reply("{}".getBytes(StandardCharsets.UTF_8)));
        }
        Outbound last = null;
        for (int i = 0; i < 20; i++) {
            Optional<Outbound> o = pull(queue);
            if (o.isEmpty()) {
                break;
            }
            last = o.get();
        }
        Outbound.Close close = assertInstanceOf(Outbound.Close.class, last);
        assertEquals(1008, close.code());
    }

    @Test
    void closeEndsTheStreamAfterWhatWasQueuedBeforeIt() throws Exception {
        ConnectionOutlet outlet = new ConnectionOutlet("t", 16, 4, () -> null);
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch terminated = new CountDownLatch(1);
        SinkQueueWithCancel<Outbound> queue = outlet.source(ready::countDown, terminated::countDown)
                .toMat(Sink.queue(1), Keep.right()).run(kit.system());
        assertTrue(ready.await(5, TimeUnit.SECONDS));
        outlet.send(Frame.reply("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        outlet.close(4000, "heartbeat timeout");
        assertInstanceOf(Frame.class, pull(queue).orElseThrow());
        assertEquals(4000, ((Outbound.Close) pull(queue).orElseThrow()).code());
        assertTrue(pull(queue).isEmpty());
        assertTrue(terminated.await(5, TimeUnit.SECONDS));
    }
}
