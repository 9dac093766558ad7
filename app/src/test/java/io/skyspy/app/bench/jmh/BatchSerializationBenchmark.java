package io.skyspy.app.bench.jmh;

import io.skyspy.protocol.AircraftFrames;
import io.skyspy.protocol.model.AircraftEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch serialization ({@code AircraftFrames.batch}): once per node per frame, shared by every
 * client. 50 deltas is the spec's max_size; 200 is the yardstick's frame (a fifth of 1,000 aircraft).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchSerializationBenchmark {
    @Param({"50", "200"})
    public int deltas;

    private List<AircraftEvent> events;
    private long seq;

    @Setup
    public void setUp() {
        events = Fixtures.deltas(deltas);
    }

    @Benchmark
    public byte[] batch() {
        return AircraftFrames.batch(events, ++seq, 1_705_314_600_123L);
    }
}
