package io.skyspy.app.bench.jmh;

import io.skyspy.protocol.Channel;
import io.skyspy.streams.fanout.ConnectionOutlet;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import io.skyspy.protocol.AircraftFrames;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-connection stage: frames offered into a real {@link ConnectionOutlet} (its lanes and
 * the one stage that drains them) and drained by the stream into a sink standing in for the
 * socket. Reports the cost per frame, offer to delivery, with a tick's burst of frames at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConnectionOutletBenchmark {
    private static final int BURST = 8;

    private ActorSystem<Void> system;
    private ConnectionOutlet outlet;
    private final AtomicLong delivered = new AtomicLong();
    private Frame frame;
    private long sent;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        system = Fixtures.system("outlet-bench");
        frame = Frame.of(Channel.AIRCRAFT, Lane.POSITION, 0, AircraftFrames.batch(Fixtures.deltas(50), 1, 1L));
        outlet = new ConnectionOutlet("jmh", 1024, 16, () -> null);
        CountDownLatch ready = new CountDownLatch(1);
        outlet.source(ready::countDown, () -> { }).runWith(Sink.foreach(o -> delivered.incrementAndGet()), system);
        if (!ready.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("outlet not ready");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        system.terminate();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long offerBurstAndDrain() {
        for (int i = 0; i < BURST; i++) {
            outlet.offer(frame);
        }
        sent += BURST;
        while (delivered.get() < sent) {
            Thread.onSpinWait();
        }
        return sent;
    }
}
