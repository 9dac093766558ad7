package io.skyspy.app.bench.jmh;

import io.skyspy.protocol.AircraftFrames;
import io.skyspy.protocol.Channel;
import io.skyspy.streams.fanout.ConnectionOutlet;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code FanOut.publish} of one batch frame to N subscribers:
 * <ul>
 *   <li>{@code publishToOutlets}: real connection outlets, each a running stream drained into a
 *       sink; the time until every subscriber's stream has delivered the frame, i.e. the
 *       server's per-frame fan-out cost without the TCP transport;
 *   <li>{@code publishLoopOnly}: subscribers that only count, i.e. the registry loop itself.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FanOutBenchmark {
    @Param({"1000", "5000"})
    public int subscribers;

    private ActorSystem<Void> system;
    private FanOut outlets;
    private FanOut counters;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong counted = new AtomicLong();
    private Frame frame;
    private long expected;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        system = Fixtures.system("fanout-bench");
        frame = Frame.of(Channel.AIRCRAFT, Lane.POSITION, 0, AircraftFrames.batch(Fixtures.deltas(50), 1, 1L));
        outlets = new FanOut();
        counters = new FanOut();
        CountDownLatch ready = new CountDownLatch(subscribers);
        for (int i = 0; i < subscribers; i++) {
            ConnectionOutlet o = new ConnectionOutlet("jmh-" + i, 1024, 16, () -> null);
            o.source(ready::countDown, () -> { }).runWith(Sink.foreach(x -> delivered.incrementAndGet()), system);
            outlets.subscribe(Channel.AIRCRAFT, o);
            counters.subscribe(Channel.AIRCRAFT, f -> counted.incrementAndGet());
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("outlets not ready");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        system.terminate();
    }

    @Benchmark
    public long publishToOutlets() {
        outlets.publish(frame);
        expected += subscribers;
        while (delivered.get() < expected) {
            Thread.onSpinWait();
        }
        return expected;
    }

    @Benchmark
    public long publishLoopOnly() {
        counters.publish(frame);
        return counted.get();
    }
}
