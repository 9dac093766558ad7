package io.skyspy.app.support;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.skyspy.app.SkySpyServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The real server on a random loopback port, with test-friendly timings layered over the defaults. */
public final class TestServer implements AutoCloseable {
    private final SkySpyServer server;

    private TestServer(SkySpyServer server) {
        this.server = server;
    }

    /** @param hocon overrides, e.g. {@code skyspy.feeds = ["sbs://127.0.0.1:1234"]} */
    public static TestServer start(String hocon) {
        Config config = ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.parseString("""
                        skyspy.http.host = "127.0.0.1"
                        skyspy.http.port = 0
                        skyspy.feed.reconnect-min-backoff = 100ms
                        skyspy.feed.reconnect-max-backoff = 1s
                        pekko.loglevel = WARNING
                        """))
                .withFallback(ConfigFactory.load())
                .resolve();
        try {
            return new TestServer(SkySpyServer.start(config).toCompletableFuture().get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    /**
     * The server with {@code sbs} as its only feed, once it has connected to it.
     *
     * @param hocon more overrides
     */
    public static TestServer fedBy(FakeSbsSource sbs, String hocon) {
        TestServer server = start("skyspy.feeds = [\"" + sbs.feed() + "\"]\n" + hocon);
        Await.until("the server connected to the SBS source", Duration.ofSeconds(10), () -> sbs.connectedClients() > 0);
        return server;
    }

    public int port() {
        return server.port();
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public SkySpyServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            server.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("server did not stop", e);
        }
    }
}
