package io.skyspy.app.feeds;

import com.typesafe.config.Config;
import io.skyspy.actors.pubsub.TopicFeed;
import io.skyspy.actors.session.RequestExtension;
import io.skyspy.protocol.acars.AcarsMessage;
import io.skyspy.streams.events.AcarsHub;
import io.skyspy.streams.fanout.FanOut;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * ACARS and VDL2 (spec 000, "ACARS Consumer"), from {@code skyspy.acars}: a UDP listener per
 * port publishes to the cluster-wide ACARS topic, and every node's hub sends what the topic
 * carries to its {@code /ws/acars/} (and {@code /acars}) clients.
 */
public final class AcarsModule {
    private final AcarsHub hub;
    private final int keep;

    private AcarsModule(AcarsHub hub, int keep) {
        this.hub = hub;
        this.keep = keep;
    }

    public static AcarsModule start(ActorSystem<?> system, Config config, FanOut fanOut, Props ingest) {
        Config c = config.getConfig("skyspy.acars");
        int keep = c.getInt("recent");
        AcarsHub hub = new AcarsHub(fanOut, keep);
        ActorRef<Topic.Command<AcarsMessage>> topic =
                system.systemActorOf(Topic.create(AcarsMessage.class, "acars"), "acars-topic", ingest);
        system.systemActorOf(TopicFeed.create(topic, hub::accept), "acars-feed", ingest);
        AtomicLong ids = new AtomicLong();
        for (int port : c.getIntList("udp-ports")) {
            InetSocketAddress address = new InetSocketAddress(c.getString("host"), port);
            system.systemActorOf(AcarsUdpListener.create(address, topic, c.getDuration("dedupe-window"),
                    c.getInt("dedupe-capacity"), ids), "acars-udp-" + port, ingest);
        }
        return new AcarsModule(hub, keep);
    }

    /** The ACARS request types of every session. */
    public List<RequestExtension> requests() {
        return List.of(new AcarsRequests(hub, keep, System::currentTimeMillis));
    }
}
