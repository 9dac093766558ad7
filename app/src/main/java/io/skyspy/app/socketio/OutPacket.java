package io.skyspy.app.socketio;

import io.skyspy.protocol.socketio.EngineCodec;
import io.skyspy.protocol.socketio.EnginePacket;
import io.skyspy.protocol.socketio.EnginePacketType;
import io.skyspy.protocol.socketio.SocketCodec;
import io.skyspy.protocol.socketio.SocketPacket;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.ws.WsFrames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.util.ByteString;

/**
 * One Engine.IO packet on its way out, ready for either transport: its bytes (a polling payload
 * element) and its WebSocket frame. Broadcast frames arrive already encoded ({@link Frame#socketIo}),
 * so nothing is serialized per client. A binary Socket.IO packet travels as one element with its
 * attachments, so nothing can come between them on the wire.
 *
 * @param bytes a text packet's UTF-8 text, or a binary message's raw bytes
 * @param attachments binary messages that must directly follow this packet
 */
record OutPacket(ByteString bytes, boolean binary, FrameEvent ws, List<OutPacket> attachments) {

    static OutPacket of(EnginePacket p) {
        return p.isBinary() ? binary(p.binary()) : text(EngineCodec.encode(p));
    }

    static OutPacket text(String packet) {
        ByteString b = ByteString.fromArrayUnsafe(packet.getBytes(StandardCharsets.UTF_8));
        return new OutPacket(b, false, WsFrames.text(b), List.of());
    }

    static OutPacket binary(byte[] bytes) {
        ByteString b = ByteString.fromArrayUnsafe(bytes);
        return new OutPacket(b, true, WsFrames.binary(b), List.of());
    }

    static OutPacket of(Frame.SocketIo encoded) {
        return new OutPacket(encoded.packet(), false, encoded.ws(), List.of());
    }

    /** A Socket.IO packet in an Engine.IO message, followed by its attachments. */
    static OutPacket of(SocketPacket packet) {
        SocketCodec.Encoded e = SocketCodec.encode(packet);
        OutPacket head = text(EnginePacketType.MESSAGE.code() + e.text());
        if (e.attachments().isEmpty()) {
            return head;
        }
        List<OutPacket> parts = new ArrayList<>(e.attachments().size());
        for (byte[] a : e.attachments()) {
            parts.add(binary(a));
        }
        return new OutPacket(head.bytes, false, head.ws, List.copyOf(parts));
    }

    /** The WebSocket frames, attachments included. */
    List<FrameEvent> frames() {
        if (attachments.isEmpty()) {
            return List.of(ws);
        }
        List<FrameEvent> out = new ArrayList<>(1 + attachments.size());
        out.add(ws);
        for (OutPacket a : attachments) {
            out.add(a.ws);
        }
        return out;
    }

    /** This packet (and its attachments) as polling payload elements: binary goes as {@code b} plus base64. */
    void appendPolling(List<ByteString> out) {
        out.add(binary ? base64(bytes) : bytes);
        for (OutPacket a : attachments) {
            a.appendPolling(out);
        }
    }

    /** Bytes this packet takes in a polling payload (for the payload's size bound). */
    long pollingSize() {
        long size = binary ? 1 + (bytes.size() + 2L) / 3 * 4 : bytes.size();
        for (OutPacket a : attachments) {
            size += 1 + a.pollingSize();
        }
        return size;
    }

    private static ByteString base64(ByteString raw) {
        byte[] b64 = Base64.getEncoder().encode(raw.toArrayUnsafe());
        return ByteString.fromString(String.valueOf(EngineCodec.BASE64_PREFIX)).concat(ByteString.fromArrayUnsafe(b64));
    }
}
