package io.skyspy.streams.feed;

import io.skyspy.protocol.model.AircraftReport;

/**
 * What a parser made of one line or one aircraft object. Parsers never throw on bad input: a feed
 * counts rejections instead, so one broken receiver line cannot stop the stream.
 */
public sealed interface ParseResult {

    /** The input described an aircraft. The report still has to pass {@link ReportValidator}. */
    record Parsed(AircraftReport report) implements ParseResult {}

    /** The input was meant to describe an aircraft but could not be understood. */
    record Rejected(String reason) implements ParseResult {}

    /** The input carries nothing for us by design (heartbeat, other message class). */
    record Ignored() implements ParseResult {}

    Ignored IGNORED = new Ignored();

    static ParseResult parsed(AircraftReport report) {
        return new Parsed(report);
    }

    static ParseResult rejected(String reason) {
        return new Rejected(reason);
    }
}
