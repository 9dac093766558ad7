package io.skyspy.app.bench.jmh;

import io.skyspy.protocol.model.AircraftChanges;
import io.skyspy.protocol.model.AircraftState;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Delta diffing: what an aircraft entity does for every report ({@code AircraftState.changesSince}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeltaDiffBenchmark {
    private AircraftState before;
    private AircraftState moved;
    private AircraftState same;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        before = Fixtures.aircraft(1, rnd);
        moved = Fixtures.moved(before, rnd);
        same = before.with(new Object[before.values().length], before.positionAt(), before.lastSeen() + 1000);
    }

    /** The usual case: position, altitude and distance changed. */
    @Benchmark
    public AircraftChanges movedAircraft() {
        return moved.changesSince(before);
    }

    /** A report that changes nothing tracked (e.g. only rssi): no delta should result. */
    @Benchmark
    public AircraftChanges unchangedAircraft() {
        return same.changesSince(before);
    }
}
