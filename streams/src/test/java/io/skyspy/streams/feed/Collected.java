package io.skyspy.streams.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;

/** A running source whose elements a test takes one by one, each with a deadline. */
final class Collected<T> implements AutoCloseable {
    private final SinkQueueWithCancel<T> queue;

    private Collected(SinkQueueWithCancel<T> queue) {
        this.queue = queue;
    }

    static <T> Collected<T> run(Source<T, ?> source, ActorSystem<?> system) {
        return new Collected<>(source.runWith(Sink.queue(), system));
    }

    /** The next element; fails the test if none arrives in time or the stream ended. */
    T next(Duration within) {
        try {
            Optional<T> next = queue.pull().toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return next.orElseThrow(() -> new AssertionError("stream completed"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no element within " + within, e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    List<T> next(int n, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<T> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
        }
        return items;
    }

    /** Cancels the stream, as a consumer going away does. */
    void cancel() {
        queue.cancel();
    }

    @Override
    public void close() {
        cancel();
    }
}
