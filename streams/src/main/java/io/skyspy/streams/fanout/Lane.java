package io.skyspy.streams.fanout;

/**
 * How a frame travels to a connection. The contract of each lane:
 * <ul>
 *   <li>{@link #POSITION}: state that a newer frame supersedes. A client that cannot keep up has
 *       these conflated: pending frames are replaced by one fresh snapshot (latest state wins).
 *   <li>{@link #RELIABLE}: replies, safety events, alerts. Never dropped and never batched; a
 *       client that lets them pile up past its queue is disconnected (1008) rather than
 *       silently losing one.
 * </ul>
 */
public enum Lane {
    POSITION,
    RELIABLE
}
