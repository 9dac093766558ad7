package io.skyspy.streams.feed;

import io.skyspy.protocol.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live counters and state of one feed, written by its stream and read by /health at any time.
 * Lock-free: the stream never waits for a reader.
 */
public final class FeedStatus {

    public enum State {
        STARTING,
        /** A TCP feed has a connection to its receiver. */
        CONNECTED,
        /** An HTTP feed's last poll succeeded. */
        POLLING,
        /** The receiver went away, refused or failed a poll; retrying. */
        RECONNECTING,
        /** The stream failed for good. */
        FAILED,
        /** The stream was cancelled by its consumer. */
        STOPPED
    }

    private record Problem(String text, long at) {}

    private final String name;
    private final String kind;
    private final String target;
    private final Clock clock;
    private final RateLimitedLog log;
    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong lastReportAt = new AtomicLong();
    private final AtomicReference<Problem> lastError = new AtomicReference<>();
    private volatile String lastRejection;

    /** Logs at most 10 warnings a minute. */
    public FeedStatus(String name, String kind, String target) {
        this(name, kind, target, Clock.systemUTC(), new RateLimitedLog(name, 10, Duration.ofMinutes(1)));
    }

    public FeedStatus(String name, String kind, String target, Clock clock, RateLimitedLog log) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    // ---- written by the feed's stream

    void onStarting() {
        state.set(State.STARTING);
    }

    void onConnected() {
        connects.incrementAndGet();
        moveTo(State.CONNECTED);
    }

    /** A poll succeeded; the first after a failure counts as a connect. */
    void onPolled() {
        State before = moveTo(State.POLLING);
        if (before != null && before != State.POLLING) {
            connects.incrementAndGet();
        }
    }

    /** A connection or poll failed, or the receiver went away; the feed will retry. */
    void onFailure(String error) {
        failures.incrementAndGet();
        lastError.set(new Problem(error, clock.millis()));
        moveTo(State.RECONNECTING);
    }

    void onAccepted() {
        accepted.incrementAndGet();
        lastReportAt.set(clock.millis());
    }

    void onRejected(String reason) {
        rejected.incrementAndGet();
        lastRejection = reason;
    }

    void onIgnored() {
        ignored.incrementAndGet();
    }

    void onStopped() {
        state.set(State.STOPPED);
    }

    void onFailed(String error) {
        lastError.set(new Problem(error, clock.millis()));
        state.set(State.FAILED);
    }

    /** Moves unless stopped or failed: late callbacks of a cancelled connection must not revive it. */
    private State moveTo(State next) {
        while (true) {
            State now = state.get();
            if (now == State.STOPPED || now == State.FAILED) {
                return null;
            }
            if (state.compareAndSet(now, next)) {
                return now;
            }
        }
    }

    // ---- read by anyone

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public String target() {
        return target;
    }

    public RateLimitedLog log() {
        return log;
    }

    public State state() {
        return state.get();
    }

    public long reportsAccepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long ignored() {
        return ignored.get();
    }

    public long failures() {
        return failures.get();
    }

    public long connects() {
        return connects.get();
    }

    /** Epoch millis of the last accepted report, 0 when none yet. */
    public long lastReportAt() {
        return lastReportAt.get();
    }

    public String lastError() {
        Problem p = lastError.get();
        return p == null ? null : p.text();
    }

    public String lastRejection() {
        return lastRejection;
    }

    /** A snapshot for the /health JSON; absent times and errors are null. */
    /**
     * Counts the reports of a source that has no connection of its own (the simulator): it is
     * connected while it runs and every element is an accepted report.
     */
    public <M> org.apache.pekko.stream.javadsl.Source<io.skyspy.protocol.model.AircraftReport, M> counting(
            org.apache.pekko.stream.javadsl.Source<io.skyspy.protocol.model.AircraftReport, M> source) {
        return source
                .mapMaterializedValue(m -> {
                    onConnected();
                    return m;
                })
                .map(r -> {
                    onAccepted();
                    return r;
                });
    }

    public Map<String, Object> toMap() {
        Problem error = lastError.get();
        long last = lastReportAt.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("target", target);
        m.put("state", state.get().name());
        m.put("reportsAccepted", accepted.get());
        m.put("rejected", rejected.get());
        m.put("ignored", ignored.get());
        m.put("failures", failures.get());
        m.put("connects", connects.get());
        m.put("lastReportAt", last == 0 ? null : Timestamps.iso(last));
        m.put("lastError", error == null ? null : error.text());
        m.put("lastErrorAt", error == null ? null : Timestamps.iso(error.at()));
        m.put("lastRejection", lastRejection);
        m.put("warningsSuppressed", log.suppressed());
        return m;
    }
}
