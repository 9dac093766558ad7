package io.skyspy.app.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.http.impl.engine.server.HttpAttributes$;
import org.apache.pekko.io.Inet;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.TLSProtocol;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.scaladsl.TLSPlacebo$;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pekko-http's server layer (parsing, routing, the WebSocket upgrade and its frames) on our own
 * non-blocking sockets ({@link SocketStage}) instead of Pekko IO's TCP actors.
 *
 * <p>It reads pekko-http's own settings ({@code pekko.http.server}: backlog, max-connections,
 * socket-options, idle-timeout), so switching transports ({@code skyspy.http.transport}) changes
 * nothing a client can see. The idle timeout is one sweep over all connections per second
 * instead of a timer and five stages per connection.
 */
public final class NioHttpServer {
    private static final Logger log = LoggerFactory.getLogger(NioHttpServer.class);

    private static final SSLSession PLAIN_SESSION = TLSPlacebo$.MODULE$.dummySession();

    private final ServerSettings settings;
    /**
     * pekko-http's server layer, built once: building it primes a header parser, which costs
     * milliseconds, so per connection it only gets the peer's address (as pekko-http's own bind does).
     */
    private final BidiFlow<HttpResponse, TLSProtocol.SslTlsOutbound, TLSProtocol.SslTlsInbound, HttpRequest, NotUsed> layer;
    private final Flow<HttpRequest, HttpResponse, NotUsed> handler;
    private final Materializer materializer;
    private final Executor executor;
    private final SelectorLoop loop;
    private final InetSocketAddress localAddress;

    private NioHttpServer(ClassicActorSystemProvider system, ServerSettings settings, ServerSocketChannel server,
            long idleTimeoutNanos, Flow<HttpRequest, HttpResponse, NotUsed> handler, Materializer materializer,
            Duration acceptMaxLag, int acceptBatch) throws IOException {
        this.settings = settings;
        LoggingAdapter log = system.classicSystem().log();
        this.layer = Http.get(system.classicSystem()).serverLayer(settings, Optional.empty(), log);
        this.handler = handler;
        this.materializer = materializer;
        this.executor = system.classicSystem().dispatcher();
        this.localAddress = (InetSocketAddress) server.getLocalAddress();
        this.loop = new SelectorLoop(server, this::accepted, settings.getMaxConnections(), idleTimeoutNanos,
                new AcceptPacer.Settings(executor, acceptMaxLag.toNanos(), acceptBatch));
    }

    /**
     * Binds {@code host:port} and serves {@code handler} on every connection.
     *
     * @param acceptMaxLag accepting pauses while a task waits longer than this on the connections'
     *     dispatcher (zero: never); see {@link AcceptPacer}
     * @param acceptBatch connections accepted between two such checks
     */
    public static NioHttpServer bind(ClassicActorSystemProvider system, String host, int port,
            Flow<HttpRequest, HttpResponse, NotUsed> handler, Materializer materializer, Duration acceptMaxLag,
            int acceptBatch) throws IOException {
        ServerSettings settings = ServerSettings.create(system.classicSystem());
        scala.concurrent.duration.Duration idleTimeout = settings.getTimeouts().idleTimeout();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            for (Inet.SocketOption option : settings.getSocketOptions()) {
                option.beforeServerSocketBind(server.socket());
            }
            server.bind(new InetSocketAddress(host, port), settings.getBacklog());
            NioHttpServer http = new NioHttpServer(system, settings, server,
                    idleTimeout.isFinite() ? idleTimeout.toNanos() : 0, handler, materializer, acceptMaxLag, acceptBatch);
            http.loop.start();
            return http;
        } catch (IOException | RuntimeException e) {
            SelectorLoop.closeQuietly(server);
            throw e;
        }
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Stops accepting; open connections stay. */
    public void unbind() {
        loop.unbind();
    }

    /** Stops accepting, waits up to {@code deadline} for open connections to end, then closes the rest. */
    public CompletionStage<Done> terminate(Duration deadline) {
        loop.unbind();
        return loop.drained()
                .completeOnTimeout(null, deadline.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(drained -> {
                    loop.stop("server stopping");
                    return Done.getInstance();
                });
    }

    /** On the selector loop's thread: set the socket up, then start its stream elsewhere. */
    private void accepted(SocketChannel channel) {
        SelectionKey key;
        try {
            channel.configureBlocking(false);
            // as Pekko IO does, before the configured options (which may turn it off)
            channel.socket().setTcpNoDelay(true);
            for (Inet.SocketOption option : settings.getSocketOptions()) {
                option.afterConnect(channel.socket());
            }
            key = loop.register(channel);
        } catch (IOException | RuntimeException e) {
            log.debug("could not set up an accepted connection: {}", e.toString());
            loop.abandoned(channel);
            return;
        }
        executor.execute(() -> serve(channel, key));
    }

    private void serve(SocketChannel channel, SelectionKey key) {
        try {
            // pekko-http's internal attribute, the one its own bind sets: extractClientIP reads it
            Attributes peer = HttpAttributes$.MODULE$.remoteAddress((InetSocketAddress) channel.getRemoteAddress());
            handler.join(layer.addAttributes(peer).join(Flow.fromGraph(
                            new SocketStage<>(channel, key, loop, NioHttpServer::plainBytes, NioHttpServer::plainText))))
                    .run(materializer);
        } catch (IOException | RuntimeException e) {
            log.warn("could not start a connection's stream: {}", e.toString());
            loop.abandoned(channel);
        }
    }

    /** What TLSPlacebo's outbound side does: the bytes of {@code SendBytes}, nothing for session renegotiation. */
    private static ByteString plainBytes(TLSProtocol.SslTlsOutbound element) {
        return element instanceof TLSProtocol.SendBytes send ? send.bytes() : null;
    }

    /** What TLSPlacebo's inbound side does: the bytes, with the same stand-in session as its. */
    private static TLSProtocol.SslTlsInbound plainText(ByteString bytes) {
        return new TLSProtocol.SessionBytes(PLAIN_SESSION, bytes);
    }
}
