package io.skyspy.streams.feed;

import io.skyspy.protocol.model.AircraftReport;
import java.time.Clock;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;

/** Aircraft reports from readsb's TCP JSON stream ({@code --net-json-port}, usually 30047). */
public final class ReadsbJsonStreamFeed {
    public static final String KIND = "readsb-json-stream";

    private ReadsbJsonStreamFeed() {}

    /** A status to pass to {@link #source}, named and targeted after the settings. */
    public static FeedStatus status(ReadsbJsonStreamFeedSettings settings) {
        return new FeedStatus(settings.sourceName(), KIND, settings.target());
    }

    /** Runs until cancelled, reconnecting as needed; never fails on bad input. */
    public static Source<AircraftReport, NotUsed> source(
            ActorSystem<?> system, ReadsbJsonStreamFeedSettings settings, FeedStatus status) {
        return source(system, settings, status, Clock.systemUTC());
    }

    /** As the three-argument form; the clock stands in for lines without {@code now}. */
    public static Source<AircraftReport, NotUsed> source(
            ActorSystem<?> system, ReadsbJsonStreamFeedSettings settings, FeedStatus status, Clock clock) {
        ReadsbJsonParser parser = new ReadsbJsonParser(settings.sourceName(), clock);
        ReportAdmission admission = new ReportAdmission(status, new ReportValidator());
        Runnable overlong = () -> admission.reject("line longer than " + settings.maxLineLength() + " bytes", null);
        return TcpLineSource.create(system, settings, status, overlong)
                .mapConcat(line -> admission.admit(parser.parseLine(line), line));
    }
}
