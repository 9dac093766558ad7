package io.skyspy.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One WebSocket client on a non-blocking socket, driven by its {@link Reactor}'s thread only.
 *
 * <p>A minimal RFC 6455 client: HTTP upgrade (the accept key is checked), unmasked server frames,
 * masked client frames, ping answered with pong, close handshake. Messages are never buffered
 * whole: it keeps the first {@value #HEAD} bytes (to tell the type) and the last {@value #TAIL}
 * bytes (where a batch keeps seq, count and timestamp), so a client costs well under a KB of
 * heap whatever the frame size.
 */
final class ClientConnection {
    enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, CLOSED }

    /** Why a client ended before it was asked to. */
    enum Failure { CONNECT, HANDSHAKE, CLOSED_BEFORE_SUBSCRIBED, DROPPED }

    static final int HEAD = 48;
    static final int TAIL = 128;
    private static final int SMALL_MESSAGE = 4096;
    /**
     * Browsers and the mobile apps send one, and pekko-http's header parser treats it apart from
     * the other headers (it caches its values unless told not to), so the benchmark's clients do too.
     */
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) skyspy-loadgen/1";
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] BATCH = "{\"type\":\"batch\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBSCRIBED = "{\"type\":\"subscribed\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPSHOT = "{\"type\":\"aircraft:snapshot\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SAFETY = "{\"type\":\"safety:event\"".getBytes(StandardCharsets.US_ASCII);

    final int index;
    private final Reactor reactor;
    private final ClientPlan plan;
    SocketChannel channel;
    SelectionKey key;
    State state = State.CONNECTING;
    long stateSinceNanos;

    private String expectedAccept;
    private byte[] response = new byte[1024];
    private int responseLen;
    private ByteBuffer pendingOut;

    // frame decoding
    private final byte[] header = new byte[14];
    private int headerLen;
    private boolean inPayload;
    private long remaining;
    private int opcode;
    private boolean fin;
    private boolean messageStarted;
    private final byte[] head = new byte[HEAD];
    private int headLen;
    private final byte[] tail = new byte[TAIL];
    private int tailLen;
    private byte[] small;
    private int smallLen;
    private final byte[] control = new byte[125];
    private int controlLen;

    // what this client saw
    boolean subscribed;
    long subscribedAtMillis;
    Failure failure;
    long windowDeltas;
    long windowBatches;
    long lastSeq;
    long seqGaps;
    long snapshots;
    SquawkWatch squawkWatch;
    long criticalDeltaAtMillis;
    long criticalEventAtMillis;
    boolean closeRequested;

    ClientConnection(int index, Reactor reactor, ClientPlan plan) {
        this.index = index;
        this.reactor = reactor;
        this.plan = plan;
    }

    // ---- connect and handshake

    void startConnect() throws IOException {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.socket().setTcpNoDelay(true);
        if (plan.source() != null) {
            channel.bind(new InetSocketAddress(plan.source(), 0));
        }
        state = State.CONNECTING;
        stateSinceNanos = System.nanoTime();
        if (channel.connect(plan.server())) {
            onConnected();
        } else {
            key = channel.register(reactor.selector(), SelectionKey.OP_CONNECT, this);
        }
    }

    void onConnectable() throws IOException {
        if (channel.finishConnect()) {
            onConnected();
        }
    }

    private void onConnected() throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String wsKey = Base64.getEncoder().encodeToString(nonce);
        expectedAccept = accept(wsKey);
        String request = "GET " + plan.path() + " HTTP/1.1\r\nHost: " + plan.hostHeader() + "\r\nUpgrade: websocket\r\n"
                + "User-Agent: " + USER_AGENT + "\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + wsKey + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        state = State.HANDSHAKING;
        stateSinceNanos = System.nanoTime();
        if (key == null) {
            key = channel.register(reactor.selector(), SelectionKey.OP_READ, this);
        } else {
            key.interestOps(SelectionKey.OP_READ);
        }
        write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    }

    static String accept(String wsKey) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((wsKey + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes while the upgrade response is incomplete; returns where the frames start, or -1. */
    private int handshake(ByteBuffer buf) {
        int start = buf.position();
        for (int i = start; i < buf.limit(); i++) {
            if (responseLen == response.length) {
                reactor.fail(this, Failure.HANDSHAKE);
                return -1;
            }
            response[responseLen++] = buf.get(i);
            if (responseLen >= 4 && response[responseLen - 1] == '\n' && response[responseLen - 2] == '\r'
                    && response[responseLen - 3] == '\n' && response[responseLen - 4] == '\r') {
                String text = new String(response, 0, responseLen, StandardCharsets.ISO_8859_1);
                response = null;
                if (!text.startsWith("HTTP/1.1 101") || !hasAccept(text)) {
                    reactor.fail(this, Failure.HANDSHAKE);
                    return -1;
                }
                state = State.OPEN;
                stateSinceNanos = System.nanoTime();
                sendText(plan.subscribeMessage());
                return i + 1;
            }
        }
        return -1;
    }

    private boolean hasAccept(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Accept")) {
                return line.substring(colon + 1).trim().equals(expectedAccept);
            }
        }
        return false;
    }

    // ---- reading

    /** Everything the last read returned, {@code buf[position, limit)}; {@code now} is its receipt time. */
    void onBytes(ByteBuffer buf, long now) {
        int i = buf.position();
        if (state == State.HANDSHAKING) {
            i = handshake(buf);
            if (i < 0) {
                return;
            }
        }
        int end = buf.limit();
        while (i < end && state != State.CLOSED) {
            if (!inPayload) {
                header[headerLen++] = buf.get(i++);
                if (headerLen >= 2 && headerLen == headerSize()) {
                    startFrame(now);
                }
            } else {
                int n = (int) Math.min(remaining, end - i);
                payload(buf, i, n, now);
                i += n;
                remaining -= n;
                if (remaining == 0) {
                    endFrame(now);
                }
            }
        }
    }

    private int headerSize() {
        int len7 = header[1] & 0x7f;
        int size = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
        return (header[1] & 0x80) != 0 ? size + 4 : size;
    }

    private void startFrame(long now) {
        fin = (header[0] & 0x80) != 0;
        opcode = header[0] & 0x0f;
        int len7 = header[1] & 0x7f;
        long len = len7;
        if (len7 == 126) {
            len = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        } else if (len7 == 127) {
            len = 0;
            for (int k = 2; k < 10; k++) {
                len = (len << 8) | (header[k] & 0xff);
            }
        }
        headerLen = 0;
        remaining = len;
        inPayload = true;
        if (isControl()) {
            controlLen = 0;
        } else if (!messageStarted) {
            messageStarted = true;
            headLen = 0;
            tailLen = 0;
            smallLen = 0;
            if (squawkWatch != null) {
                squawkWatch.reset();
            }
        }
        if (len == 0) {
            endFrame(now);
        }
    }

    private boolean isControl() {
        return (opcode & 0x08) != 0;
    }

    private void payload(ByteBuffer buf, int from, int n, long now) {
        if (isControl()) {
            int k = Math.min(n, control.length - controlLen);
            buf.get(from, control, controlLen, k);
            controlLen += k;
            return;
        }
        if (headLen < HEAD) {
            int k = Math.min(n, HEAD - headLen);
            buf.get(from, head, headLen, k);
            headLen += k;
        }
        if (n >= TAIL) {
            buf.get(from + n - TAIL, tail, 0, TAIL);
            tailLen = TAIL;
        } else {
            int keep = Math.min(tailLen, TAIL - n);
            System.arraycopy(tail, tailLen - keep, tail, 0, keep);
            buf.get(from, tail, keep, n);
            tailLen = keep + n;
        }
        if (squawkWatch != null && criticalDeltaAtMillis == 0 && squawkWatch.scan(buf, from, n)) {
            criticalDeltaAtMillis = now;
        }
        if (reactor.capturesSmallMessages() && smallLen < SMALL_MESSAGE && startsWith(SAFETY)) {
            if (small == null) {
                small = new byte[SMALL_MESSAGE];
            }
            int k = Math.min(n, SMALL_MESSAGE - smallLen);
            buf.get(from, small, smallLen, k);
            smallLen += k;
        }
    }

    private void endFrame(long now) {
        inPayload = false;
        if (isControl()) {
            switch (opcode) {
                case 0x9 -> sendControl(0xA, control, controlLen);
                case 0x8 -> onServerClose();
                default -> { }
            }
            return;
        }
        if (fin) {
            messageStarted = false;
            if (opcode == 0x1 || opcode == 0x0) {
                onMessage(now);
            }
        }
    }

    private void onMessage(long now) {
        if (startsWith(BATCH)) {
            reactor.onBatch(this, tail, tailLen, now);
        } else if (startsWith(SUBSCRIBED)) {
            if (!subscribed) {
                subscribed = true;
                subscribedAtMillis = now;
                reactor.onSubscribed(this);
            }
        } else if (startsWith(SNAPSHOT)) {
            snapshots++;
        } else if (startsWith(SAFETY) && criticalEventAtMillis == 0 && squawkWatch != null && small != null
                && contains(small, smallLen, reactor.criticalHex())) {
            criticalEventAtMillis = now;
        }
    }

    private boolean startsWith(byte[] prefix) {
        if (headLen < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (head[k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] buf, int len, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= len; i++) {
            for (int j = 0; j < what.length; j++) {
                if (buf[i + j] != what[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private void onServerClose() {
        if (state != State.CLOSING) {
            // the server closed first: answer, as RFC 6455 asks, then let it drop the TCP connection
            sendControl(0x8, control, Math.min(controlLen, 2));
        }
        reactor.closed(this, closeRequested ? null : subscribed ? Failure.DROPPED : Failure.CLOSED_BEFORE_SUBSCRIBED);
    }

    void onEndOfStream() {
        reactor.closed(this, closeRequested ? null : subscribed ? Failure.DROPPED : state == State.OPEN
                ? Failure.CLOSED_BEFORE_SUBSCRIBED : Failure.HANDSHAKE);
    }

    // ---- writing

    void sendText(byte[] utf8) {
        sendFrame(0x1, utf8, utf8.length);
    }

    /** Starts the close handshake; the reactor closes the socket when the server answers or the deadline passes. */
    void requestClose() {
        if (state == State.CLOSED || closeRequested) {
            return;
        }
        closeRequested = true;
        if (state != State.OPEN) {
            reactor.closed(this, null);
            return;
        }
        sendControl(0x8, new byte[] {0x03, (byte) 0xE8}, 2);
        state = State.CLOSING;
        stateSinceNanos = System.nanoTime();
    }

    private void sendControl(int op, byte[] payload, int len) {
        sendFrame(op, payload, len);
    }

    private void sendFrame(int op, byte[] payload, int len) {
        ByteBuffer out = reactor.scratch();
        out.clear();
        out.put((byte) (0x80 | op));
        if (len < 126) {
            out.put((byte) (0x80 | len));
        } else {
            out.put((byte) (0x80 | 126));
            out.putShort((short) len);
        }
        int mask = ThreadLocalRandom.current().nextInt();
        out.putInt(mask);
        for (int k = 0; k < len; k++) {
            out.put((byte) (payload[k] ^ (mask >>> (24 - 8 * (k & 3)))));
        }
        out.flip();
        write(out);
    }

    private void write(ByteBuffer out) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            if (pendingOut == null) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    return;
                }
                pendingOut = ByteBuffer.allocate(out.remaining());
            } else {
                ByteBuffer grown = ByteBuffer.allocate(pendingOut.remaining() + out.remaining());
                grown.put(pendingOut);
                pendingOut = grown;
            }
            pendingOut.put(out);
            pendingOut.flip();
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        } catch (IOException e) {
            onEndOfStream();
        }
    }

    void onWritable() throws IOException {
        if (pendingOut != null) {
            channel.write(pendingOut);
            if (pendingOut.hasRemaining()) {
                return;
            }
            pendingOut = null;
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    void closeSocket() {
        state = State.CLOSED;
        stateSinceNanos = System.nanoTime();
        small = null;
        try {
            if (key != null) {
                key.cancel();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
