package io.skyspy.app.ws;

/**
 * Features that act on a client session's life without living in it: safety and alerts send
 * their snapshot on connect and register the user's connection for private alerts. Called on
 * whatever thread completed the attach; implementations must not block.
 */
public interface SessionListener {
    SessionListener NONE = new SessionListener() {};

    /** The session attached and its channels are registered with the fan-out. */
    default void attached(ClientSession session) {}

    /** The open session authenticated again, possibly as someone else; its channels are updated. */
    default void reauthenticated(ClientSession session) {}
}
