package io.skyspy.streams.feed;

import io.skyspy.protocol.model.AircraftReport;
import java.util.ArrayList;
import java.util.List;

/** The last step of every feed: validate, count, and let through only what is possible. */
final class ReportAdmission {
    private final FeedStatus status;
    private final ReportValidator validator;

    ReportAdmission(FeedStatus status, ReportValidator validator) {
        this.status = status;
        this.validator = validator;
    }

    /** Zero or one report, as a list so a stream can {@code mapConcat} it. */
    List<AircraftReport> admit(ParseResult result, String raw) {
        if (result instanceof ParseResult.Parsed parsed) {
            AircraftReport report = parsed.report();
            String problem = validator.check(report).orElse(null);
            if (problem == null) {
                status.onAccepted();
                return List.of(report);
            }
            reject(problem + " (" + report.hex() + ")", raw);
        } else if (result instanceof ParseResult.Rejected rejected) {
            reject(rejected.reason(), raw);
        } else {
            status.onIgnored();
        }
        return List.of();
    }

    /** The valid reports of a document that parsed; the caller handles a failed document. */
    List<AircraftReport> admitAll(ReadsbJsonParser.ParsedDocument document) {
        List<AircraftReport> reports = new ArrayList<>(document.aircraft().size());
        for (ParseResult r : document.aircraft()) {
            reports.addAll(admit(r, null));
        }
        return reports;
    }

    void reject(String reason, String raw) {
        status.onRejected(reason);
        status.log().warn(raw == null ? "rejected: " + reason : "rejected: " + reason + ": " + Texts.forLog(raw, 120));
    }
}
