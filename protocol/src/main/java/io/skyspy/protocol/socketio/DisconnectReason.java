package io.skyspy.protocol.socketio;

/**
 * Why a Socket.IO connection or one of its namespace connections ended, with the reason texts the
 * reference server uses. What the client sees follows from how the server ends it: a DISCONNECT
 * packet gives the client {@code io server disconnect} (it does not reconnect on its own), a closed
 * transport gives {@code transport close} (it reconnects with backoff), a silent one {@code ping
 * timeout}.
 */
public enum DisconnectReason {
    /** The client closed the connection (close packet, or its WebSocket went away). */
    TRANSPORT_CLOSE("transport close", true),
    /** The transport broke the protocol: overlapping polls or posts, an oversized payload. */
    TRANSPORT_ERROR("transport error", false),
    /** No pong within the ping timeout. */
    PING_TIMEOUT("ping timeout", false),
    /** A packet the codecs refused. */
    PARSE_ERROR("parse error", false),
    /** The node is shutting down; clients reconnect elsewhere. */
    SERVER_SHUTTING_DOWN("server shutting down", false),
    /** The server ended the connection (no namespace joined in time, a client too slow to read). */
    FORCED_SERVER_CLOSE("forced server close", false),
    /** The client left one namespace. */
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect", true),
    /** The server ended one namespace connection (with a DISCONNECT packet). */
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect", false);

    private final String text;
    private final boolean byClient;

    DisconnectReason(String text, boolean byClient) {
        this.text = text;
        this.byClient = byClient;
    }

    /** The reference server's reason text. */
    public String text() {
        return text;
    }

    /** True when the client asked for it (a pending poll is then released with a noop, not a close). */
    public boolean byClient() {
        return byClient;
    }
}
