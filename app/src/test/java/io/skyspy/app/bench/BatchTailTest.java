package io.skyspy.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchTailTest {

    private static byte[] tail(String frame) {
        byte[] b = frame.getBytes(StandardCharsets.US_ASCII);
        int from = Math.max(0, b.length - ClientConnection.TAIL);
        return java.util.Arrays.copyOfRange(b, from, b.length);
    }

    @Test
    void readsSeqCountAndTimestampFromTheEndOfABatch() {
        byte[] t = tail("{\"type\":\"batch\",\"messages\":[{\"type\":\"aircraft:delta\",\"data\":{\"hex\":\"A1\",\"changes\":{\"lat\":1.5}}}],"
                + "\"seq\":123456,\"count\":200,\"timestamp\":\"2024-01-15T10:30:00.123Z\"}");
        BatchTail p = new BatchTail();
        assertTrue(p.parse(t, t.length));
        assertEquals(123456, p.seq);
        assertEquals(200, p.count);
        assertEquals(Instant.parse("2024-01-15T10:30:00.123Z").toEpochMilli(), p.timestampMillis);
    }

    @Test
    void batchesWithoutSeqAsTheYardsticksPeersSendThem() {
        byte[] t = tail("{\"type\":\"batch\",\"messages\":[],\"count\":0,\"timestamp\":\"2026-02-28T23:59:59.999Z\"}");
        BatchTail p = new BatchTail();
        assertTrue(p.parse(t, t.length));
        assertEquals(0, p.seq);
        assertEquals(0, p.count);
        assertEquals(Instant.parse("2026-02-28T23:59:59.999Z").toEpochMilli(), p.timestampMillis);
    }

    @Test
    void somethingElseIsNotABatch() {
        byte[] t = tail("{\"type\":\"aircraft:heartbeat\",\"data\":{\"count\":3}}");
        assertFalse(new BatchTail().parse(t, t.length));
    }
}
