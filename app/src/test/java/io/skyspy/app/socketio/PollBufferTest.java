package io.skyspy.app.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollBufferTest {

    private static List<OutPacket> now(PollBuffer b) {
        CompletableFuture<List<OutPacket>> f = b.take().toCompletableFuture();
        assertTrue(f.isDone());
        return f.join();
    }

    @Test
    void aPollTakesEverythingWaitingAtOnceInOrder() {
        PollBuffer b = new PollBuffer(1000);
        b.add(OutPacket.text("4a"));
        b.add(OutPacket.text("4b"));
        List<OutPacket> got = now(b);
        assertEquals(List.of("4a", "4b"), got.stream().map(p -> p.bytes().utf8String()).toList());
    }

    @Test
    void aWaitingPollIsAnsweredByTheNextPacketOrReleased() {
        PollBuffer b = new PollBuffer(1000);
        CompletableFuture<List<OutPacket>> waiting = b.take().toCompletableFuture();
        assertFalse(waiting.isDone());
        b.add(OutPacket.text("42"));
        assertEquals("42", waiting.join().get(0).bytes().utf8String());

        CompletableFuture<List<OutPacket>> released = b.take().toCompletableFuture();
        b.release(PollBuffer.NOOP);
        assertSame(PollBuffer.NOOP, released.join());
        // nothing was lost by the release
        b.add(OutPacket.text("4x"));
        assertEquals(1, now(b).size());
    }

    @Test
    void finishAnswersCloseOnceThePacketsAreGone() {
        PollBuffer b = new PollBuffer(1000);
        b.add(OutPacket.text("4last"));
        b.finish();
        assertEquals("4last", now(b).get(0).bytes().utf8String());
        assertSame(PollBuffer.CLOSE, now(b));
    }

    @Test
    void fullMeansBackpressureUntilAPollDrainsIt() {
        PollBuffer b = new PollBuffer(10);
        AtomicInteger resumed = new AtomicInteger();
        b.onRoom(resumed::incrementAndGet);
        assertTrue(b.add(OutPacket.text("4abcd")));
        assertFalse(b.add(OutPacket.text("4efgh")), "10 bytes reached: the sink must stop pulling");
        assertEquals(0, resumed.get());
        assertEquals(2, now(b).size());
        assertEquals(1, resumed.get());
    }

    @Test
    void oneAnswerStaysWithinTheByteBoundButAlwaysCarriesAPacket() {
        PollBuffer b = new PollBuffer(10);
        b.add(OutPacket.text("4" + "x".repeat(20)));
        b.add(OutPacket.text("4y"));
        assertEquals(1, now(b).size());
        assertEquals("4y", now(b).get(0).bytes().utf8String());
    }

    @Test
    void binaryPacketsArePolledAsBase64() {
        PollBuffer b = new PollBuffer(1000);
        b.add(OutPacket.binary(new byte[] {1, 2, 3, 4}));
        var response = EngineResponses.payload(now(b));
        assertEquals("bAQIDBA==", ((org.apache.pekko.http.javadsl.model.HttpEntity.Strict) response.entity()).getData().utf8String());
    }
}
