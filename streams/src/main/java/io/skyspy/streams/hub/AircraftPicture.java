package io.skyspy.streams.hub;

import io.skyspy.protocol.AircraftFrames;
import io.skyspy.protocol.Channel;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.util.List;

/**
 * The aircraft as of hub frame {@code seq}: exactly what a client has that received every frame
 * up to and including {@code seq}. Immutable; its snapshot frame is serialized at most once, on
 * first demand, however many clients connect.
 */
public final class AircraftPicture {
    private final long seq;
    private final long timestamp;
    private final List<AircraftState> aircraft;
    private volatile Frame snapshot;

    public AircraftPicture(long seq, long timestamp, List<AircraftState> aircraft) {
        this.seq = seq;
        this.timestamp = timestamp;
        this.aircraft = aircraft;
    }

    public long seq() {
        return seq;
    }

    public long timestamp() {
        return timestamp;
    }

    public List<AircraftState> aircraft() {
        return aircraft;
    }

    /** {@code aircraft:snapshot}, reliable lane (it must not be conflated away), covering {@code seq}. */
    public Frame snapshotFrame() {
        Frame f = snapshot;
        if (f == null) {
            synchronized (this) {
                f = snapshot;
                if (f == null) {
                    f = Frame.of(Channel.AIRCRAFT, Lane.RELIABLE, seq,
                            AircraftFrames.fullList(AircraftFrames.SNAPSHOT, aircraft, seq, timestamp));
                    snapshot = f;
                }
            }
        }
        return f;
    }
}
