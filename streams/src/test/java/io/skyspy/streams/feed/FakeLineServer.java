package io.skyspy.streams.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A receiver on loopback for one client: writes the payload, then either goes away entirely (its
 * listening socket first, so a reconnect is refused) or holds the connection open until closed.
 */
final class FakeLineServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private volatile Socket client;

    private FakeLineServer(int port, byte[] payload, boolean goAwayAfterSending) {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true); // a restart binds the port the previous instance had
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(() -> serve(payload, goAwayAfterSending), "fake-receiver-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    static FakeLineServer sendAndGoAway(int port, String payload) {
        return new FakeLineServer(port, payload.getBytes(StandardCharsets.UTF_8), true);
    }

    static FakeLineServer sendAndStay(int port, String payload) {
        return new FakeLineServer(port, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(byte[] payload, boolean goAway) {
        try {
            Socket s = server.accept();
            client = s;
            OutputStream out = s.getOutputStream();
            // In pieces, so lines straddle TCP segments the way they do from a real receiver.
            for (int i = 0; i < payload.length; i += 700) {
                out.write(payload, i, Math.min(700, payload.length - i));
                out.flush();
            }
            if (goAway) {
                server.close();
                s.close();
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = client;
        if (s != null) {
            s.close();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
