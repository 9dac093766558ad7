package io.skyspy.app.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.app.support.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The socket stage on real loopback sockets, as an echo server: whatever a client sends comes
 * back, through partial writes, full socket buffers and the selector loop's wake-ups.
 */
class SocketStageTest {
    private static final int TIMEOUT_MS = 10_000;
    private static ActorTestKit testKit;
    private static Materializer materializer;
    private SelectorLoop loop;
    private int port;

    @BeforeAll
    static void startSystem() {
        testKit = ActorTestKit.create();
        materializer = Materializer.matFromSystem(testKit.system());
    }

    @AfterAll
    static void stopSystem() {
        testKit.shutdownTestKit();
    }

    @AfterEach
    void stopLoop() throws Exception {
        if (loop != null) {
            loop.unbind();
            loop.stop("test over");
            loop.drained().get(10, TimeUnit.SECONDS);
        }
    }

    /** An echo server on a free port. */
    private void startEcho(int maxConnections, Duration idleTimeout) throws IOException {
        startEcho(maxConnections, idleTimeout, AcceptPacer.Settings.OFF);
    }

    private void startEcho(int maxConnections, Duration idleTimeout, AcceptPacer.Settings pacing) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        loop = new SelectorLoop(server, this::echo, maxConnections, idleTimeout == null ? 0 : idleTimeout.toNanos(),
                pacing);
        loop.start();
    }

    private void echo(SocketChannel channel) {
        try {
            channel.configureBlocking(false);
            // small, so that the echo's writes find the socket full long before the test is over
            channel.socket().setSendBufferSize(8 * 1024);
            SelectionKey key = loop.register(channel);
            Flow.fromGraph(SocketStage.bytes(channel, key, loop)).join(Flow.<ByteString>create()).run(materializer);
        } catch (IOException e) {
            loop.abandoned(channel);
        }
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        return socket;
    }

    @Test
    void echoesMegabytesThroughFullSocketBuffers() throws Exception {
        startEcho(100, null);
        byte[] sent = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(sent);
        try (Socket socket = connect(8 * 1024)) {
            // the client writes 64 KB before it reads anything: the server's writes fill both
            // small windows, it stops reading, and everything must still arrive once we read
            AtomicLong written = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (int off = 0; off < sent.length; off += 16 * 1024) {
                        out.write(sent, off, 16 * 1024);
                        written.addAndGet(16 * 1024);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Await.until("64 KB written", Duration.ofSeconds(10), () -> written.get() >= 64 * 1024);
            byte[] received = socket.getInputStream().readNBytes(sent.length);
            writer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertEquals(sent.length, received.length);
            assertArrayEquals(sent, received);
        }
    }

    @Test
    void closesTheSocketAfterThePeerClosesAndEverythingIsEchoed() throws Exception {
        startEcho(100, null);
        try (Socket socket = connect(64 * 1024)) {
            socket.getOutputStream().write("last words".getBytes());
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            assertEquals("last words", new String(in.readNBytes(10)));
            assertEquals(-1, in.read(), "the server closes once its side is done");
        }
        Await.until("the connection to be released", Duration.ofSeconds(10), () -> loop.openConnections() == 0);
    }

    @Test
    void closesIdleConnections() throws Exception {
        startEcho(100, Duration.ofMillis(500));
        try (Socket silent = connect(64 * 1024)) {
            long start = System.nanoTime();
            assertEquals(-1, silent.getInputStream().read(), "the silent connection is closed");
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 400, "not before the idle timeout: " + waited + " ms");
        }
    }

    @Test
    void acceptsNoMoreThanMaxConnectionsAndResumesWhenOneCloses() throws Exception {
        startEcho(1, null);
        try (Socket first = connect(64 * 1024); Socket second = connect(64 * 1024)) {
            first.getOutputStream().write('a');
            assertEquals('a', first.getInputStream().read());
            // the kernel completes the second handshake, but nothing serves it yet
            second.getOutputStream().write('b');
            second.setSoTimeout(1500);
            assertThrows(SocketTimeoutException.class, () -> second.getInputStream().read());
            first.close();
            second.setSoTimeout(TIMEOUT_MS);
            assertEquals('b', second.getInputStream().read(), "served once the first one closed");
        }
    }

    @Test
    void pausesAcceptingWhileTheConnectionsDispatcherIsBehind() throws Exception {
        ExecutorService dispatcher = Executors.newSingleThreadExecutor();
        CountDownLatch busy = new CountDownLatch(1);
        try {
            startEcho(100, null, new AcceptPacer.Settings(dispatcher, TimeUnit.MILLISECONDS.toNanos(50), 2));
            // the dispatcher is stuck: the probe sent with the first batch cannot run
            dispatcher.execute(() -> awaitQuietly(busy));
            try (Socket a = connect(64 * 1024); Socket b = connect(64 * 1024); Socket c = connect(64 * 1024)) {
                for (Socket s : List.of(a, b)) {
                    s.getOutputStream().write('x');
                    assertEquals('x', s.getInputStream().read(), "the first batch is served");
                }
                c.getOutputStream().write('y');
                c.setSoTimeout(1500);
                assertThrows(SocketTimeoutException.class, () -> c.getInputStream().read(), "waits in the backlog");
                busy.countDown();
                c.setSoTimeout(TIMEOUT_MS);
                assertEquals('y', c.getInputStream().read(), "accepted once the dispatcher caught up");
            }
        } finally {
            busy.countDown();
            dispatcher.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
