package io.skyspy.app.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Spots {@code "squawk":"7700"} for one aircraft while a batch streams past, chunk by chunk: it
 * remembers the last {@code "hex":"XXXXXX"} it passed and reports a hit when the squawk follows
 * it inside the same message. Used only by the critical-lane scenario, and only from the
 * injection until the client has seen it, so the bulk of the run costs nothing per byte.
 * One instance per connection; not thread-safe.
 */
final class SquawkWatch {
    private static final byte[] HEX = "\"hex\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SQUAWK = "\"squawk\":\"7700\"".getBytes(StandardCharsets.US_ASCII);

    private final byte[] target;
    private final byte[] currentHex = new byte[6];
    private int hexState;
    private int squawkState;
    private int capturing = -1;
    private boolean currentIsTarget;

    SquawkWatch(String hex) {
        this.target = hex.getBytes(StandardCharsets.US_ASCII);
    }

    /** A new message starts: what was learnt from the previous one no longer applies. */
    void reset() {
        hexState = 0;
        squawkState = 0;
        capturing = -1;
        currentIsTarget = false;
    }

    /** Scans {@code buf[from, from + n)} (absolute indexes); true when the target's 7700 was seen. */
    boolean scan(ByteBuffer buf, int from, int n) {
        for (int i = from, end = from + n; i < end; i++) {
            byte b = buf.get(i);
            if (capturing >= 0) {
                currentHex[capturing++] = b;
                if (capturing == 6) {
                    capturing = -1;
                    currentIsTarget = java.util.Arrays.equals(currentHex, target);
                }
                continue;
            }
            hexState = step(HEX, hexState, b);
            if (hexState == HEX.length) {
                hexState = 0;
                capturing = 0;
            }
            squawkState = step(SQUAWK, squawkState, b);
            if (squawkState == SQUAWK.length) {
                squawkState = 0;
                if (currentIsTarget) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One step of a matcher for a pattern whose only self-overlap is its leading quote. */
    private static int step(byte[] pattern, int state, byte b) {
        if (pattern[state] == b) {
            return state + 1;
        }
        return pattern[0] == b ? 1 : 0;
    }
}
