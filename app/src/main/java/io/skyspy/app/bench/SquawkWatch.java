package io.skyspy.app.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Spots {@code "squawk":"7700"} for one aircraft while a batch streams past, chunk by chunk.
 * Used only by the critical-lane scenario, and only from the injection until the client has seen
 * it.
 *
 * <p>It skips through the stream for the aircraft's {@code "hex":"XXXXXX"} (Horspool: most bytes
 * are never read), then reads that one object byte by byte until its squawk or the next object's
 * {@code "hex":"}. Reading every byte of every frame, as the first version did, cost the load
 * generator ~30 points of CPU per injection at 5,000 clients and delayed its reads by hundreds of
 * ms: the measured critical lane was partly the load generator's own.
 * One instance per connection; not thread-safe.
 */
final class SquawkWatch {
    private static final byte[] HEX_KEY = "\"hex\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SQUAWK = "\"squawk\":\"7700\"".getBytes(StandardCharsets.US_ASCII);

    private final byte[] needle;
    private final int[] skip = new int[256];
    /** The last needle.length - 1 bytes before the current chunk, where a match may have begun. */
    private final byte[] carry;
    private int carryLen;
    private final byte[] joint;
    private final ByteBuffer jointView;
    private boolean inTarget;
    private int squawkState;
    private int hexState;

    SquawkWatch(String hex) {
        byte[] id = hex.getBytes(StandardCharsets.US_ASCII);
        needle = new byte[HEX_KEY.length + id.length];
        System.arraycopy(HEX_KEY, 0, needle, 0, HEX_KEY.length);
        System.arraycopy(id, 0, needle, HEX_KEY.length, id.length);
        int m = needle.length;
        Arrays.fill(skip, m);
        for (int k = 0; k < m - 1; k++) {
            skip[needle[k] & 0xff] = m - 1 - k;
        }
        carry = new byte[m - 1];
        joint = new byte[2 * (m - 1)];
        jointView = ByteBuffer.wrap(joint);
    }

    /**
     * Gets {@link #scan} compiled before the first injection: run cold by every client at once,
     * the interpreter made the load generator the bottleneck of the first injection.
     */
    static void warmUp() {
        byte[] message = "{\"hex\":\"ABC123\",\"changes\":{\"squawk\":\"7700\",\"alt_baro\":12000}},".repeat(500)
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.wrap(message);
        SquawkWatch miss = new SquawkWatch("000000");
        SquawkWatch hit = new SquawkWatch("ABC123");
        for (int i = 0; i < 2_000; i++) {
            miss.reset();
            hit.reset();
            if (miss.scan(buf, 0, message.length) || !hit.scan(buf, 0, message.length)) {
                throw new IllegalStateException("SquawkWatch is broken");
            }
        }
    }

    /** A new message starts: what was learnt from the previous one no longer applies. */
    void reset() {
        inTarget = false;
        carryLen = 0;
    }

    /** Scans {@code buf[from, from + n)} (absolute indexes); true when the target's 7700 was seen. */
    boolean scan(ByteBuffer buf, int from, int n) {
        int i = from;
        int end = from + n;
        while (i < end) {
            if (!inTarget) {
                int after = seek(buf, i, end);
                if (after < 0) {
                    return false;
                }
                inTarget = true;
                squawkState = 0;
                hexState = 0;
                i = after;
                continue;
            }
            byte b = buf.get(i++);
            squawkState = step(SQUAWK, squawkState, b);
            if (squawkState == SQUAWK.length) {
                reset();
                return true;
            }
            hexState = step(HEX_KEY, hexState, b);
            if (hexState == HEX_KEY.length) {
                // the target's object ended without 7700; the next object's id starts here
                inTarget = false;
                System.arraycopy(HEX_KEY, 0, carry, 0, HEX_KEY.length);
                carryLen = HEX_KEY.length;
            }
        }
        return false;
    }

    /** The index just after the needle's next occurrence (which may begin in the carry), or -1. */
    private int seek(ByteBuffer buf, int from, int end) {
        int m = needle.length;
        int head = Math.min(end - from, m - 1);
        if (carryLen > 0) {
            System.arraycopy(carry, 0, joint, 0, carryLen);
            buf.get(from, joint, carryLen, head);
            for (int s = 0; s < carryLen; s++) {
                if (s + m <= carryLen + head && matchesAt(jointView, s)) {
                    int after = from + s + m - carryLen;
                    carryLen = 0;
                    return after;
                }
            }
        }
        for (int k = from + m - 1; k < end; k += skip[buf.get(k) & 0xff]) {
            if (buf.get(k) == needle[m - 1] && matchesAt(buf, k - m + 1)) {
                carryLen = 0;
                return k + 1;
            }
        }
        keepTail(buf, from, end);
        return -1;
    }

    /** The carry becomes the last m - 1 bytes of what has been seen: old carry, then this chunk. */
    private void keepTail(ByteBuffer buf, int from, int end) {
        int keep = carry.length;
        int n = end - from;
        if (n >= keep) {
            buf.get(end - keep, carry, 0, keep);
            carryLen = keep;
            return;
        }
        int old = Math.min(carryLen, keep - n);
        System.arraycopy(carry, carryLen - old, carry, 0, old);
        buf.get(from, carry, old, n);
        carryLen = old + n;
    }

    private boolean matchesAt(ByteBuffer b, int at) {
        for (int k = 0; k < needle.length; k++) {
            if (b.get(at + k) != needle[k]) {
                return false;
            }
        }
        return true;
    }

    /** One step of a matcher for a pattern whose only self-overlap is its leading quote. */
    private static int step(byte[] pattern, int state, byte b) {
        if (pattern[state] == b) {
            return state + 1;
        }
        return pattern[0] == b ? 1 : 0;
    }
}
