package io.skyspy.app.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A strict RFC 6455 client on a plain socket: the transport under the tests' WebSocket clients.
 *
 * <p>Why not {@code java.net.http.WebSocket}: in about one connection in 200 (JDK 17.0.15 and 25
 * alike) it reports "Invalid UTF-8 in frame TEXT", or silently stops delivering, on a server's
 * first frames even though the bytes on the wire are valid (checked with a recording proxy in
 * between). That made end-to-end tests fail at random for a client bug. This one reads the
 * handshake and the frames from one buffered stream, checks every server frame (unmasked, known
 * opcode, valid UTF-8, sane fragmentation) and reports any violation as an error.
 */
public final class WireWebSocket implements AutoCloseable {
    /** What a connection tells its owner; called on the reader thread, in order. */
    public interface Listener {
        void onText(String text);

        default void onBinary(byte[] bytes) {}

        /** A close frame arrived (1005 when it had no code); the connection is then closed. */
        void onClose(int code, String reason);

        /** The connection ended without a close frame, or the server broke the protocol. */
        void onError(Throwable error);
    }

    /** The server answered the upgrade request with something other than 101. */
    public static final class HandshakeRefused extends IOException {
        private final int status;

        HandshakeRefused(int status, String response) {
            super("handshake refused: " + response.lines().findFirst().orElse(""));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Listener listener;
    private final String subprotocol;
    private volatile boolean closeSent;

    private WireWebSocket(Socket socket, InputStream in, Listener listener, String subprotocol) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.listener = listener;
        this.subprotocol = subprotocol;
    }

    /** Connects, completes the handshake and starts reading; throws {@link HandshakeRefused} for a non-101 answer. */
    public static WireWebSocket connect(URI uri, List<String> subprotocols, Listener listener) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(15_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            StringBuilder request = new StringBuilder()
                    .append("GET ").append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Key: ").append(key).append("\r\nSec-WebSocket-Version: 13\r\n");
            if (!subprotocols.isEmpty()) {
                request.append("Sec-WebSocket-Protocol: ").append(String.join(", ", subprotocols)).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            String response = readHead(in);
            int status = status(response);
            if (status != 101) {
                throw new HandshakeRefused(status, response);
            }
            String accept = header(response, "sec-websocket-accept");
            if (!expectedAccept(key).equals(accept)) {
                throw new IOException("bad Sec-WebSocket-Accept: " + accept);
            }
            socket.setSoTimeout(0);
            WireWebSocket ws = new WireWebSocket(socket, in, listener, header(response, "sec-websocket-protocol"));
            Thread reader = new Thread(ws::readLoop, "ws-client-reader");
            reader.setDaemon(true);
            reader.start();
            return ws;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The subprotocol the server selected, or null. */
    public String subprotocol() {
        return subprotocol;
    }

    public void sendText(String text) {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBinary(byte[] bytes) {
        send(0x2, bytes);
    }

    /** Sends a close frame (once); the server's answering close then ends the connection. */
    public void sendClose(int code, String reason) {
        if (closeSent) {
            return;
        }
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        try {
            write(0x8, payload);
        } catch (UncheckedIOException alreadyGone) {
            // the peer has gone: nothing left to say goodbye to
        }
        closeSent = true;
    }

    public boolean outputClosed() {
        return closeSent || socket.isClosed();
    }

    /** Drops the connection without a closing handshake. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    private void send(int opcode, byte[] payload) {
        if (closeSent) {
            throw new IllegalStateException("output closed");
        }
        write(opcode, payload);
    }

    private synchronized void write(int opcode, byte[] payload) {
        int len = payload.length;
        ByteArrayOutputStream frame = new ByteArrayOutputStream(len + 14);
        frame.write(0x80 | opcode);
        if (len < 126) {
            frame.write(0x80 | len);
        } else if (len < 65536) {
            frame.write(0x80 | 126);
            frame.write(len >> 8);
            frame.write(len);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) len >> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask, 0, 4);
        byte[] masked = new byte[len];
        for (int i = 0; i < len; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        frame.write(masked, 0, len);
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLoop() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = -1;
        try {
            while (true) {
                int b0 = read();
                int b1 = read();
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0f;
                if ((b0 & 0x70) != 0) {
                    throw new IOException("reserved bits set: " + Integer.toHexString(b0));
                }
                if ((b1 & 0x80) != 0) {
                    throw new IOException("a server frame must not be masked");
                }
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = ((long) read() << 8) | read();
                } else if (len == 127) {
                    len = 0;
                    for (int i = 0; i < 8; i++) {
                        len = (len << 8) | read();
                    }
                }
                if (len > 64L * 1024 * 1024) {
                    throw new IOException("implausible frame length " + len);
                }
                byte[] payload = in.readNBytes((int) len);
                if (payload.length < len) {
                    throw new EOFException("connection ended inside a frame");
                }
                switch (opcode) {
                    case 0x8 -> {
                        int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                        String reason = payload.length > 2 ? utf8(payload, 2) : "";
                        sendClose(code == 1005 ? 1000 : code, "");
                        close();
                        listener.onClose(code, reason);
                        return;
                    }
                    case 0x9 -> write(0xA, payload);
                    case 0xA -> { }
                    case 0x1, 0x2 -> {
                        if (messageOpcode != -1) {
                            throw new IOException("new message inside a fragmented one");
                        }
                        messageOpcode = opcode;
                        message.write(payload);
                    }
                    case 0x0 -> {
                        if (messageOpcode == -1) {
                            throw new IOException("continuation without a message");
                        }
                        message.write(payload);
                    }
                    default -> throw new IOException("unknown opcode " + opcode);
                }
                if (fin && (opcode <= 0x2) && messageOpcode != -1) {
                    byte[] whole = message.toByteArray();
                    message.reset();
                    if (messageOpcode == 0x1) {
                        listener.onText(utf8(whole, 0));
                    } else {
                        listener.onBinary(whole);
                    }
                    messageOpcode = -1;
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            listener.onError(e);
        }
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection ended without a close frame");
        }
        return b;
    }

    private static String utf8(byte[] bytes, int offset) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 4 || !sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection ended during the handshake: " + sb);
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    private static int status(String response) {
        String[] parts = response.split(" ", 3);
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String expectedAccept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
