package io.skyspy.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SquawkWatchTest {
    private static final String OTHER = "{\"type\":\"aircraft:delta\",\"data\":{\"hex\":\"A17700\",\"changes\":{\"lat\":33.9,\"squawk\":\"1200\"}}},";
    private static final String TARGET_7700 = "{\"type\":\"aircraft:delta\",\"data\":{\"hex\":\"BE7701\",\"changes\":{\"alt_baro\":12000,\"squawk\":\"7700\",\"emergency\":\"general\"}}},";
    private static final String TARGET_MOVED = "{\"type\":\"aircraft:delta\",\"data\":{\"hex\":\"BE7701\",\"changes\":{\"lat\":33.91}}},";
    private static final String OTHER_7700 = "{\"type\":\"aircraft:delta\",\"data\":{\"hex\":\"A00002\",\"changes\":{\"squawk\":\"7700\"}}},";

    @Test
    void findsTheTargetsSquawkWhereverTheChunksAreCut() {
        String message = batch(OTHER.repeat(40) + TARGET_7700 + OTHER.repeat(3));
        assertEverySplit(message, true);
    }

    @Test
    void anotherAircraftsEmergencyIsNotTheTargets() {
        assertEverySplit(batch(OTHER.repeat(5) + TARGET_MOVED + OTHER_7700 + OTHER.repeat(5)), false);
    }

    @Test
    void theTargetRightAfterAnObjectOfItsOwnIsStillSeen() {
        // leaving the target's object on the next "hex":" must not skip that next id
        assertEverySplit(batch(TARGET_MOVED + TARGET_7700), true);
    }

    @Test
    void aSnapshotWithTheFullRecordCounts() {
        String record = "{\"hex\":\"BE7701\",\"flight\":\"CRIT1\",\"lat\":33.9,\"lon\":-118.4,\"alt_baro\":12000,\"squawk\":\"7700\"}";
        assertEverySplit("{\"type\":\"aircraft:snapshot\",\"data\":{\"aircraft\":[" + record + "]}}", true);
    }

    @Test
    void aNewMessageForgetsAMatchBegunInThePreviousOne() {
        SquawkWatch watch = new SquawkWatch("BE7701");
        byte[] first = "...{\"hex\":\"BE77".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "01\",\"squawk\":\"7700\"}".getBytes(StandardCharsets.US_ASCII);
        assertFalse(watch.scan(ByteBuffer.wrap(first), 0, first.length));
        watch.reset();
        assertFalse(watch.scan(ByteBuffer.wrap(second), 0, second.length));
    }

    @Test
    void warmsUpWithoutFailing() {
        SquawkWatch.warmUp();
    }

    private static String batch(String messages) {
        return "{\"type\":\"batch\",\"messages\":[" + messages + "],\"seq\":7}";
    }

    /** Every single cut, and cuts every k bytes for small k, give the answer of one whole scan. */
    private static void assertEverySplit(String message, boolean expected) {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        // scanned from an offset inside a larger buffer, as the reactor's read buffer is
        ByteBuffer buf = ByteBuffer.allocateDirect(bytes.length + 10);
        buf.position(10);
        buf.put(bytes);
        assertEquals(expected, scanInChunks(buf, bytes.length, bytes.length), "whole");
        for (int cut = 1; cut < bytes.length; cut++) {
            SquawkWatch watch = new SquawkWatch("BE7701");
            boolean seen = watch.scan(buf, 10, cut) || watch.scan(buf, 10 + cut, bytes.length - cut);
            assertEquals(expected, seen, "cut at " + cut);
        }
        for (int k = 1; k <= 20; k++) {
            assertEquals(expected, scanInChunks(buf, bytes.length, k), "chunks of " + k);
        }
    }

    private static boolean scanInChunks(ByteBuffer buf, int length, int chunk) {
        SquawkWatch watch = new SquawkWatch("BE7701");
        boolean seen = false;
        for (int at = 0; at < length; at += chunk) {
            seen = seen || watch.scan(buf, 10 + at, Math.min(chunk, length - at));
        }
        return seen;
    }
}
