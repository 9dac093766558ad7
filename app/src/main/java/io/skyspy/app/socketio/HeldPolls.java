package io.skyspy.app.socketio;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * Polls that arrive while a WebSocket is being probed. The packets wait for the WebSocket, so
 * such a poll gets no data; it is held briefly, as the reference server does, because the
 * upgrade's {@code 5} may still be on its way through the WebSocket's stream while this request
 * overtook it. If the upgrade completes meanwhile the poll gets what any poll after it gets (a
 * 400), otherwise a noop.
 */
final class HeldPolls {
    static final Duration HOLD = Duration.ofMillis(100);

    private final EngineContext context;
    private final Queue<CompletableFuture<HttpResponse>> held = new ConcurrentLinkedQueue<>();

    HeldPolls(EngineContext context) {
        this.context = context;
    }

    CompletionStage<HttpResponse> hold() {
        CompletableFuture<HttpResponse> poll = new CompletableFuture<>();
        held.add(poll);
        context.schedule(HOLD, () -> {
            held.remove(poll);
            poll.complete(EngineResponses.payload(PollBuffer.NOOP));
        });
        return poll;
    }

    void releaseAll(HttpResponse answer) {
        CompletableFuture<HttpResponse> p;
        while ((p = held.poll()) != null) {
            p.complete(answer);
        }
    }
}
