package io.skyspy.protocol.socketio;

/**
 * The Socket.IO v5 packet types; each rides in one Engine.IO message, its digit first.
 * The two binary types are followed by their attachments, one binary Engine.IO message each.
 */
public enum SocketPacketType {
    CONNECT('0'),
    DISCONNECT('1'),
    EVENT('2'),
    ACK('3'),
    CONNECT_ERROR('4'),
    BINARY_EVENT('5'),
    BINARY_ACK('6');

    private final char code;

    SocketPacketType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The type for a wire digit, or null when it is not one. */
    public static SocketPacketType of(char c) {
        return c >= '0' && c <= '6' ? values()[c - '0'] : null;
    }

    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }

    public boolean isEvent() {
        return this == EVENT || this == BINARY_EVENT;
    }

    public boolean isAck() {
        return this == ACK || this == BINARY_ACK;
    }
}
