package io.skyspy.app.feeds;

import com.typesafe.config.Config;
import io.skyspy.protocol.model.AircraftReport;
import io.skyspy.streams.feed.FeedStatus;
import io.skyspy.streams.feed.ReadsbJsonStreamFeed;
import io.skyspy.streams.feed.ReadsbJsonStreamFeedSettings;
import io.skyspy.streams.feed.ReadsbPollFeed;
import io.skyspy.streams.feed.ReadsbPollFeedSettings;
import io.skyspy.streams.feed.SbsFeed;
import io.skyspy.streams.feed.SbsFeedSettings;
import io.skyspy.streams.feed.sim.SimulatorFeed;
import io.skyspy.streams.feed.sim.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Starts the configured feeds ({@code skyspy.feeds}; the simulator when none) as one merged
 * stream into the aircraft entities. Each feed reconnects on its own; the merge never fails
 * because of one of them.
 */
public final class FeedLauncher {
    private final List<FeedStatus> statuses = new ArrayList<>();
    private UniqueKillSwitch killSwitch;

    public List<FeedStatus> statuses() {
        return statuses;
    }

    /** @param attributes for the running graph, e.g. the dispatcher it runs on */
    public void start(ActorSystem<?> system, Config config, List<String> specs, Consumer<AircraftReport> sink,
            Attributes attributes) {
        List<FeedSpec> feeds = (specs.isEmpty() ? List.of("sim") : specs).stream().map(FeedSpec::parse).toList();
        Source<AircraftReport, NotUsed> merged = Source.empty();
        for (FeedSpec f : feeds) {
            merged = merged.merge(source(system, config, f));
        }
        killSwitch = merged
                .viaMat(KillSwitches.single(), Keep.right())
                .to(Sink.foreach(sink::accept))
                .named("feeds")
                .addAttributes(attributes)
                .run(system);
    }

    private Source<AircraftReport, NotUsed> source(ActorSystem<?> system, Config config, FeedSpec f) {
        Config c = config.getConfig("skyspy.feed");
        Duration minBackoff = c.getDuration("reconnect-min-backoff");
        Duration maxBackoff = c.getDuration("reconnect-max-backoff");
        double random = c.getDouble("reconnect-random-factor");
        int maxLine = c.getInt("max-line-length");
        switch (f.kind()) {
            case SBS -> {
                SbsFeedSettings s = SbsFeedSettings.defaults(f.name(), f.host(), f.port())
                        .withBackoff(minBackoff, maxBackoff, random).withMaxLineLength(maxLine);
                FeedStatus status = SbsFeed.status(s);
                statuses.add(status);
                return SbsFeed.source(system, s, status);
            }
            case READSB_JSON -> {
                ReadsbJsonStreamFeedSettings s = ReadsbJsonStreamFeedSettings.defaults(f.name(), f.host(), f.port())
                        .withBackoff(minBackoff, maxBackoff, random).withMaxLineLength(maxLine);
                FeedStatus status = ReadsbJsonStreamFeed.status(s);
                statuses.add(status);
                return ReadsbJsonStreamFeed.source(system, s, status);
            }
            case READSB_POLL -> {
                ReadsbPollFeedSettings s = ReadsbPollFeedSettings.defaults(f.name(), f.url())
                        .withInterval(c.getDuration("poll-interval"), c.getDuration("request-timeout"));
                FeedStatus status = ReadsbPollFeed.status(s);
                statuses.add(status);
                return ReadsbPollFeed.source(system, s, status);
            }
            default -> {
                SimulatorSettings s = simulator(config);
                FeedStatus status = new FeedStatus(s.sourceName(), "simulator",
                        s.aircraftCount() + " aircraft at " + s.updateRateHz() + " Hz");
                statuses.add(status);
                return status.counting(SimulatorFeed.source(s, Clock.systemUTC()));
            }
        }
    }

    static SimulatorSettings simulator(Config config) {
        Config withReceiver = config.getConfig("skyspy.simulator")
                .withValue("receiver-lat", config.getValue("skyspy.receiver.lat"))
                .withValue("receiver-lon", config.getValue("skyspy.receiver.lon"));
        return SimulatorSettings.create(withReceiver);
    }

    public void stop() {
        if (killSwitch != null) {
            killSwitch.shutdown();
        }
    }
}
