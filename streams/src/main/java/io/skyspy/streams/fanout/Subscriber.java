package io.skyspy.streams.fanout;

/** Anything the fan-out can hand a broadcast frame to. {@code offer} must never block. */
public interface Subscriber {
    void offer(Frame frame);
}
