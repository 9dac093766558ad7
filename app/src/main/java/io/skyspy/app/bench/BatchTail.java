package io.skyspy.app.bench;

/**
 * Reads {@code seq}, {@code count} and {@code timestamp} from the last bytes of a batch frame
 * ({@code ...,"seq":S,"count":N,"timestamp":"2024-01-15T10:30:00.123Z"}}).
 *
 * <p>Why only the tail: a 26 KB frame to 10,000 clients is 1.3 GB/s; parsing it would make the
 * load generator the bottleneck. The server writes these three fields last on purpose. One
 * instance per reactor thread, reused for every frame; not thread-safe.
 */
final class BatchTail {
    private static final byte[] SEQ = "\"seq\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] COUNT = "\"count\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TIMESTAMP = "\"timestamp\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    long seq;
    int count;
    long timestampMillis;

    /** Parses the tail {@code buf[0, len)}; false when the fields are not where a batch has them. */
    boolean parse(byte[] buf, int len) {
        int ts = lastIndexOf(buf, len, TIMESTAMP);
        if (ts < 0 || ts + TIMESTAMP.length + 24 > len) {
            return false;
        }
        timestampMillis = isoMillis(buf, ts + TIMESTAMP.length);
        if (timestampMillis < 0) {
            return false;
        }
        int c = lastIndexOf(buf, ts, COUNT);
        if (c < 0) {
            return false;
        }
        count = (int) number(buf, c + COUNT.length, ts);
        int s = lastIndexOf(buf, c, SEQ);
        // seq is optional for other servers' batches (the yardstick's peers send none)
        seq = s < 0 ? 0 : number(buf, s + SEQ.length, c);
        return count >= 0;
    }

    private static int lastIndexOf(byte[] buf, int end, byte[] pattern) {
        outer:
        for (int i = end - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (buf[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long number(byte[] buf, int from, int end) {
        long v = 0;
        int digits = 0;
        for (int i = from; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            digits++;
        }
        return digits == 0 ? -1 : v;
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ} at {@code at} to epoch millis without allocating; -1 if malformed. */
    static long isoMillis(byte[] b, int at) {
        if (b[at + 4] != '-' || b[at + 7] != '-' || b[at + 10] != 'T' || b[at + 19] != '.') {
            return -1;
        }
        long y = digits(b, at, 4);
        long mo = digits(b, at + 5, 2);
        long d = digits(b, at + 8, 2);
        long h = digits(b, at + 11, 2);
        long mi = digits(b, at + 14, 2);
        long s = digits(b, at + 17, 2);
        long ms = digits(b, at + 20, 3);
        if ((y | mo | d | h | mi | s | ms) < 0) {
            return -1;
        }
        return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms;
    }

    private static long digits(byte[] b, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int x = b[at + i] - '0';
            if (x < 0 || x > 9) {
                return -1;
            }
            v = v * 10 + x;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(long y, long m, long d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
