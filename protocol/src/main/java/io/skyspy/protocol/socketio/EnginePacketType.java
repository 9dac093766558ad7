package io.skyspy.protocol.socketio;

/**
 * The Engine.IO v4 packet types. On the wire a packet is its type digit followed by its data;
 * the digit is the whole framing, which is why an unknown first character is a protocol error.
 */
public enum EnginePacketType {
    /** Server to client, first packet of a session: the handshake JSON. */
    OPEN('0'),
    /** Either side: the session ends (over polling only; a WebSocket is simply closed). */
    CLOSE('1'),
    /** Server to client heartbeat; also the client's upgrade probe {@code 2probe}. */
    PING('2'),
    /** Client to server heartbeat answer; also the server's probe answer {@code 3probe}. */
    PONG('3'),
    /** Application data (Socket.IO packets ride in these). */
    MESSAGE('4'),
    /** Client to server on the new transport: the upgrade is complete. */
    UPGRADE('5'),
    /** Server to client: answers a pending poll without data (used to release it during an upgrade). */
    NOOP('6');

    private final char code;

    EnginePacketType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The type for a wire digit, or null when it is not one. */
    public static EnginePacketType of(char c) {
        return c >= '0' && c <= '6' ? values()[c - '0'] : null;
    }
}
