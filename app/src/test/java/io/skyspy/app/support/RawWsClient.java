package io.skyspy.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client on a bare socket, for behaviour the JDK client hides: one that never reads
 * (a stalled phone), one that never answers pings (a dead peer), and access to the raw handshake.
 */
public final class RawWsClient implements AutoCloseable {
    private final Socket socket;
    private final String handshakeResponse;

    /** Opens the socket and completes the handshake; with a tiny receive buffer, reading nothing stalls the server fast. */
    public RawWsClient(int port, String path, String extraHeaders, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        handshakeResponse = readHeaders(socket.getInputStream());
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    public String handshakeResponse() {
        return handshakeResponse;
    }

    /** Reads frames until a text frame whose payload contains {@code what}; false when the socket ended first. */
    public boolean readUntilText(String what) throws IOException {
        InputStream in = socket.getInputStream();
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return false;
            }
            byte[] payload = in.readNBytes((int) payloadLength(in));
            if ((b0 & 0x0f) == 0x1 && new String(payload, StandardCharsets.UTF_8).contains(what)) {
                return true;
            }
        }
    }

    private static long payloadLength(InputStream in) throws IOException {
        long len = in.read() & 0x7f;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) {
                len = (len << 8) | in.read();
            }
        }
        return len;
    }

    /** Reads frames until a close frame and returns its status code (or -1 when the socket just ended). */
    public int readUntilClose() throws IOException {
        InputStream in = socket.getInputStream();
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return -1;
            }
            byte[] payload = in.readNBytes((int) payloadLength(in));
            if ((b0 & 0x0f) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
