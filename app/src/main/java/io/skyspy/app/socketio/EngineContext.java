package io.skyspy.app.socketio;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Engine.IO connection of one server path shares.
 *
 * <p>Timers come from one small scheduler thread of their own rather than Pekko's scheduler: that
 * one fires on 10 ms ticks, and the heartbeat's deadlines are checked to the millisecond by the
 * protocol's test suite (with 300/200 ms timings, a late ping leaves the client too little of its
 * pong window). The tasks run on that thread, not queued behind the dispatcher's work: they are
 * all short and non-blocking (queue a ping, end a connection).
 */
record EngineContext(SocketIoSettings settings, ActorSystem<?> system, Materializer materializer,
        ScheduledExecutorService timers) {
    private static final Logger LOG = LoggerFactory.getLogger(EngineContext.class);

    static EngineContext create(SocketIoSettings settings, ActorSystem<?> system) {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "socketio-timers");
            t.setDaemon(true);
            return t;
        });
        system.getWhenTerminated().thenRun(timers::shutdownNow);
        return new EngineContext(settings, system, Materializer.matFromSystem(system), timers);
    }

    /** Where continuations of Pekko's futures run (never the JDK default: README, "Architecture"). */
    Executor dispatcher() {
        return system.executionContext();
    }

    Cancellable schedule(Duration delay, Runnable r) {
        ScheduledFuture<?> f = timers.schedule(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("socket.io timer task failed", e);
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
        return new Cancellable() {
            @Override
            public boolean cancel() {
                return f.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return f.isCancelled();
            }
        };
    }
}
