package io.skyspy.streams.feed;

import io.skyspy.protocol.model.AircraftReport;
import java.time.Clock;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;

/** Aircraft reports from an SBS-1 / BaseStation TCP port (dump1090, readsb; usually 30003). */
public final class SbsFeed {
    public static final String KIND = "sbs";

    private SbsFeed() {}

    /** A status to pass to {@link #source}, named and targeted after the settings. */
    public static FeedStatus status(SbsFeedSettings settings) {
        return new FeedStatus(settings.sourceName(), KIND, settings.target());
    }

    /** Runs until cancelled, reconnecting as needed; never fails on bad input. */
    public static Source<AircraftReport, NotUsed> source(
            ActorSystem<?> system, SbsFeedSettings settings, FeedStatus status) {
        return source(system, settings, status, Clock.systemUTC());
    }

    /** As {@link #source(ActorSystem, SbsFeedSettings, FeedStatus)}, with the clock stamping receive times. */
    public static Source<AircraftReport, NotUsed> source(
            ActorSystem<?> system, SbsFeedSettings settings, FeedStatus status, Clock clock) {
        SbsParser parser = new SbsParser(settings.sourceName(), clock);
        ReportAdmission admission = new ReportAdmission(status, new ReportValidator());
        Runnable overlong = () -> admission.reject("line longer than " + settings.maxLineLength() + " bytes", null);
        return TcpLineSource.create(system, settings, status, overlong)
                .mapConcat(line -> admission.admit(parser.parse(line), line));
    }
}
