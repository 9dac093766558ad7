package io.skyspy.protocol;

/**
 * WebSocket close codes used by the server, as in the spec's "Close Codes" table.
 *
 * <p>Contract: 1000 and 1001 mean "do not reconnect"; 4000 means "reconnect"; 4001 means
 * "check your credentials, do not retry blindly"; 4003 means "this identity may not use this
 * channel". Codes 1008/1009 are the RFC 6455 policy and size violations.
 */
public final class CloseCodes {
    /** Normal closure, the client asked for it or the session ended cleanly. */
    public static final int NORMAL = 1000;
    /** The server is shutting down. */
    public static final int GOING_AWAY = 1001;
    /** A policy violation the client caused (for example a request flood or a queue it cannot drain). */
    public static final int POLICY_VIOLATION = 1008;
    /** A client frame larger than the configured limit. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** An unexpected server-side error. */
    public static final int INTERNAL_ERROR = 1011;
    /** The peer stopped answering heartbeats. */
    public static final int HEARTBEAT_TIMEOUT = 4000;
    /** Authentication failed or expired. */
    public static final int UNAUTHORIZED = 4001;
    /** Authenticated, but not allowed on this channel. */
    public static final int FORBIDDEN = 4003;

    private CloseCodes() {}
}
