package io.skyspy.streams.feed;

import io.skyspy.protocol.model.AircraftReport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Aircraft reports from polling an {@code aircraft.json} over HTTP. One tick, one request, at most
 * one in flight; ticks that fall due while a slow poll runs are dropped rather than queued.
 */
public final class ReadsbPollFeed {
    public static final String KIND = "readsb-json-poll";

    private ReadsbPollFeed() {}

    /** A status to pass to {@link #source}, named and targeted after the settings. */
    public static FeedStatus status(ReadsbPollFeedSettings settings) {
        return new FeedStatus(settings.sourceName(), KIND, settings.url());
    }

    /** Runs until cancelled; a failed poll is counted and the next tick tries again. */
    public static Source<AircraftReport, NotUsed> source(
            ActorSystem<?> system, ReadsbPollFeedSettings settings, FeedStatus status) {
        return source(system, settings, status, Clock.systemUTC());
    }

    /** As the three-argument form; the clock stands in for a document without {@code now}. */
    public static Source<AircraftReport, NotUsed> source(
            ActorSystem<?> system, ReadsbPollFeedSettings settings, FeedStatus status, Clock clock) {
        Poller poller = new Poller(system, settings, status, clock);
        return Source.tick(Duration.ZERO, settings.interval(), Boolean.TRUE)
                .mapAsync(1, tick -> poller.poll())
                .mapConcat(reports -> reports)
                .watchTermination((cancellable, done) -> {
                    status.onStarting();
                    done.whenCompleteAsync((ok, error) -> {
                        if (error == null) {
                            status.onStopped();
                        } else {
                            status.onFailed(Texts.describe(error));
                        }
                    }, system.executionContext());
                    return NotUsed.getInstance();
                });
    }

    private static final class Poller {
        private final Http http;
        private final Materializer materializer;
        private final Executor dispatcher;
        private final ReadsbPollFeedSettings settings;
        private final FeedStatus status;
        private final ReadsbJsonParser parser;
        private final ReportAdmission admission;
        private final HttpRequest request;

        Poller(ActorSystem<?> system, ReadsbPollFeedSettings settings, FeedStatus status, Clock clock) {
            this.http = Http.get(system);
            this.materializer = Materializer.matFromSystem(system);
            this.dispatcher = system.executionContext();
            this.settings = settings;
            this.status = status;
            this.parser = new ReadsbJsonParser(settings.sourceName(), clock);
            this.admission = new ReportAdmission(status, new ReportValidator());
            this.request = HttpRequest.GET(settings.url());
        }

        /** Never fails: a failure is counted and yields no reports. */
        CompletionStage<List<AircraftReport>> poll() {
            CompletableFuture<byte[]> body;
            try {
                body = http.singleRequest(request).thenComposeAsync(this::body, dispatcher).toCompletableFuture();
            } catch (RuntimeException e) {
                body = CompletableFuture.failedFuture(e);
            }
            // Parse only a body that arrived in time: a late one is still drained, but never counted.
            return body.orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .thenApply(this::reports)
                    .exceptionally(error -> {
                        String why = "poll of " + settings.url() + " failed: " + Texts.describe(error);
                        status.onFailure(why);
                        status.log().warn(why);
                        return List.of();
                    });
        }

        private CompletionStage<byte[]> body(HttpResponse response) {
            if (!response.status().isSuccess()) {
                response.discardEntityBytes(materializer);
                return CompletableFuture.failedFuture(
                        new PollFailedException("HTTP " + response.status().intValue()));
            }
            return response.entity()
                    .toStrict(settings.requestTimeout().toMillis(), settings.maxDocumentBytes(), materializer)
                    .thenApplyAsync(strict -> strict.getData().toArray(), dispatcher);
        }

        private List<AircraftReport> reports(byte[] body) {
            ReadsbJsonParser.ParsedDocument document = parser.parseDocument(body);
            if (!document.ok()) {
                throw new PollFailedException(document.failure());
            }
            status.onPolled();
            return admission.admitAll(document);
        }
    }

    /** A poll that got an answer, but not a usable one. */
    private static final class PollFailedException extends RuntimeException {
        PollFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
