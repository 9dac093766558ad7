package io.skyspy.protocol.socketio;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO packet. Text packets carry a string (possibly empty); binary packets are always
 * {@link EnginePacketType#MESSAGE} and carry bytes instead.
 *
 * @param data the text after the type digit, or null for a binary packet
 * @param binary the bytes of a binary message, or null for a text packet
 */
public record EnginePacket(EnginePacketType type, String data, byte[] binary) {
    public static final EnginePacket PING = new EnginePacket(EnginePacketType.PING, "", null);
    public static final EnginePacket PONG = new EnginePacket(EnginePacketType.PONG, "", null);
    public static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, "", null);
    public static final EnginePacket NOOP = new EnginePacket(EnginePacketType.NOOP, "", null);
    public static final EnginePacket UPGRADE = new EnginePacket(EnginePacketType.UPGRADE, "", null);
    public static final EnginePacket PROBE = new EnginePacket(EnginePacketType.PING, "probe", null);
    public static final EnginePacket PROBE_ANSWER = new EnginePacket(EnginePacketType.PONG, "probe", null);

    public EnginePacket {
        Objects.requireNonNull(type, "type");
        if ((data == null) == (binary == null)) {
            throw new IllegalArgumentException("a packet is either text or binary");
        }
        if (binary != null && type != EnginePacketType.MESSAGE) {
            throw new IllegalArgumentException("only messages can be binary");
        }
    }

    public static EnginePacket text(EnginePacketType type, String data) {
        return new EnginePacket(type, data, null);
    }

    public static EnginePacket message(String data) {
        return new EnginePacket(EnginePacketType.MESSAGE, data, null);
    }

    public static EnginePacket binary(byte[] bytes) {
        return new EnginePacket(EnginePacketType.MESSAGE, null, bytes);
    }

    public boolean isBinary() {
        return binary != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnginePacket p && type == p.type && Objects.equals(data, p.data)
                && Arrays.equals(binary, p.binary);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Objects.hashCode(data)) + Arrays.hashCode(binary);
    }

    @Override
    public String toString() {
        return isBinary() ? "EnginePacket[binary " + binary.length + " bytes]" : "EnginePacket[" + type.code() + data + "]";
    }
}
