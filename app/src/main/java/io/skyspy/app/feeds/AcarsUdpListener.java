package io.skyspy.app.feeds;

import io.skyspy.protocol.acars.AcarsMessage;
import io.skyspy.streams.feed.acars.AcarsDeduplicator;
import io.skyspy.streams.feed.acars.AcarsParser;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.io.Udp;
import org.apache.pekko.io.UdpMessage;

/**
 * One UDP port receiving acarsdec or dumpvdl2 JSON (directly, or through acars_router): each
 * datagram is parsed, copies within the dedupe window are dropped, and each new message goes to
 * the cluster-wide ACARS topic. Garbage is counted and logged at a limited rate; it never stops
 * the listener. If the port cannot be bound, it retries with backoff.
 */
public final class AcarsUdpListener {

    public sealed interface Command {}

    /** What Pekko IO's UDP manager tells us: bound, a datagram, or a failed bind. */
    private record Io(Udp.Event event) implements Command {}

    /** @param ids numbers the node's messages, across its listeners */
    public static Behavior<Command> create(InetSocketAddress address, ActorRef<Topic.Command<AcarsMessage>> topic,
            Duration dedupeWindow, int dedupeCapacity, AtomicLong ids) {
        return Behaviors.<Command>supervise(Behaviors.setup(ctx -> {
                    ActorRef<Udp.Event> io = ctx.messageAdapter(Udp.Event.class, Io::new);
                    Udp.get(Adapter.toClassic(ctx.getSystem())).getManager()
                            .tell(UdpMessage.bind(Adapter.toClassic(io), address), Adapter.toClassic(io));
                    AcarsDeduplicator dedupe = new AcarsDeduplicator(dedupeWindow.toMillis(), dedupeCapacity);
                    long[] rejected = {0};
                    return Behaviors.receiveMessage(m -> {
                        Udp.Event e = ((Io) m).event();
                        if (e instanceof Udp.Received r) {
                            AcarsParser.Result result = AcarsParser.parse(r.data().utf8String());
                            if (result instanceof AcarsParser.Result.Parsed p
                                    && dedupe.firstSeen(p.message(), System.currentTimeMillis())) {
                                topic.tell(Topic.publish(p.message().withId(ids.incrementAndGet())));
                            } else if (result instanceof AcarsParser.Result.Rejected why && Long.bitCount(++rejected[0]) == 1) {
                                // 1st, 2nd, 4th, 8th, ...: a broken sender is visible without flooding the log
                                ctx.getLog().warn("ACARS {}: rejected datagram #{} from {} ({})", address, rejected[0],
                                        r.sender(), why.reason());
                            }
                        } else if (e instanceof Udp.Bound) {
                            ctx.getLog().info("ACARS listening on udp://{}", address);
                        } else if (e instanceof Udp.CommandFailed) {
                            throw new IllegalStateException("could not bind udp://" + address);
                        }
                        return Behaviors.same();
                    });
                }))
                .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
    }

    private AcarsUdpListener() {}
}
