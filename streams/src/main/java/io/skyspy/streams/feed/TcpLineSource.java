package io.skyspy.streams.feed;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.event.Logging;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;

/**
 * The lines a receiver writes on a TCP port, across reconnects. The receiver restarting, refusing,
 * never answering or going silent all end one connection; a new one follows after an exponential,
 * jittered backoff, forever, until the consumer cancels.
 */
final class TcpLineSource {
    private TcpLineSource() {}

    static Source<String, NotUsed> create(
            ActorSystem<?> system, TcpFeedSettings settings, FeedStatus status, Runnable onOverlongLine) {
        RestartSettings restart = RestartSettings.create(
                        settings.minBackoff(), settings.maxBackoff(), settings.randomFactor())
                // Each failure is already in FeedStatus and the rate-limited feed log.
                .withLogSettings(RestartSettings.createLogSettings(Logging.DebugLevel()));
        return RestartSource.withBackoff(restart, () -> connection(system, settings, status, onOverlongLine))
                .watchTermination((notUsed, done) -> {
                    status.onStarting();
                    done.whenCompleteAsync((ok, error) -> {
                        if (error == null) {
                            status.onStopped();
                        } else {
                            status.onFailed(Texts.describe(error));
                            status.log().warn("feed failed: " + Texts.describe(error));
                        }
                    }, system.executionContext());
                    return NotUsed.getInstance();
                });
    }

    private static Source<String, NotUsed> connection(
            ActorSystem<?> system, TcpFeedSettings settings, FeedStatus status, Runnable onOverlongLine) {
        AtomicBoolean connected = new AtomicBoolean();
        Executor dispatcher = system.executionContext(); // never the JDK default: README, "Architecture"
        Duration idle = settings.idleTimeout();
        // Unresolved: Pekko resolves the name asynchronously instead of blocking this stage on DNS.
        InetSocketAddress address = InetSocketAddress.createUnresolved(settings.host(), settings.port());
        return Source.<ByteString>maybe() // we never write; maybe() keeps our side open
                .viaMat(
                        Tcp.get(system).outgoingConnection(
                                address,
                                Optional.empty(),
                                List.of(),
                                // no half-close: the receiver closing its side must end the connection
                                false,
                                Optional.of(settings.connectTimeout()),
                                idle.isZero() ? Optional.empty() : Optional.of(idle)),
                        Keep.right())
                .via(new LineSplitter(settings.maxLineLength(), onOverlongLine))
                .watchTermination((connection, done) -> {
                    connection.whenCompleteAsync((c, error) -> {
                        if (error == null) {
                            connected.set(true);
                            status.onConnected();
                            status.log().info("connected to " + settings.target());
                        } else {
                            String why = "cannot connect to " + settings.target() + ": " + Texts.describe(error);
                            status.onFailure(why);
                            status.log().warn(why);
                        }
                    }, dispatcher);
                    done.whenCompleteAsync((ok, error) -> {
                        if (connected.get()) {
                            String why = error == null
                                    ? "connection closed by " + settings.target()
                                    : "connection to " + settings.target() + " lost: " + Texts.describe(error);
                            status.onFailure(why);
                            status.log().warn(why);
                        }
                    }, dispatcher);
                    return NotUsed.getInstance();
                });
    }
}
