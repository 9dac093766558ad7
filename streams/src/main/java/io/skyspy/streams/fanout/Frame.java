package io.skyspy.streams.fanout;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.socketio.ServerEvents;
import io.skyspy.streams.ws.WsFrames;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.util.ByteString;

/**
 * One server message, serialized once, ready to go to any number of connections.
 *
 * <p>A final class rather than a record only because of {@link #socketIo}: the Socket.IO form of
 * the message is computed on first use and then shared, like {@code json} and {@code ws}, so a
 * broadcast costs one encoding per node (per namespace) whichever transports its recipients use.
 */
public final class Frame implements Outbound {
    /**
     * The frame as a Socket.IO event of one namespace.
     *
     * @param packet the Engine.IO message {@code 42[/ns,]["type",payload]}, UTF-8 (a polling payload element)
     * @param ws the same bytes as a WebSocket text frame
     */
    public record SocketIo(ByteString packet, FrameEvent ws) {}

    private final Channel channel;
    private final Lane lane;
    private final long seq;
    private final ByteString json;
    private final FrameEvent ws;
    // copy-on-write: a frame reaches few namespaces, and reads (every recipient) vastly outnumber writes (one per namespace)
    private volatile Map<String, SocketIo> socketIo = Map.of();

    /**
     * @param json the message's UTF-8 JSON, shared by every recipient
     * @param ws the same bytes as a WebSocket text frame, built once
     * @param seq the aircraft stream's sequence number, or 0 for frames outside it
     */
    public Frame(Channel channel, Lane lane, long seq, ByteString json, FrameEvent ws) {
        this.channel = channel;
        this.lane = lane;
        this.seq = seq;
        this.json = json;
        this.ws = ws;
    }

    public static Frame of(Channel channel, Lane lane, long seq, byte[] json) {
        ByteString bytes = ByteString.fromArrayUnsafe(json);
        return new Frame(channel, lane, seq, bytes, WsFrames.text(bytes));
    }

    /** A reply for one connection only. */
    public static Frame reply(byte[] json) {
        return of(null, Lane.RELIABLE, 0, json);
    }

    public Channel channel() {
        return channel;
    }

    public Lane lane() {
        return lane;
    }

    public long seq() {
        return seq;
    }

    public ByteString json() {
        return json;
    }

    public FrameEvent ws() {
        return ws;
    }

    /** This message as a Socket.IO event of {@code namespace}, encoded on first use and then shared. */
    public SocketIo socketIo(String namespace) {
        SocketIo s = socketIo.get(namespace);
        if (s != null) {
            return s;
        }
        synchronized (this) {
            s = socketIo.get(namespace);
            if (s == null) {
                ByteString packet = ByteString.fromArrayUnsafe(ServerEvents.eventPacket(json.toArrayUnsafe(), namespace));
                s = new SocketIo(packet, WsFrames.text(packet));
                Map<String, SocketIo> next = new HashMap<>(socketIo);
                next.put(namespace, s);
                socketIo = Map.copyOf(next);
            }
            return s;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && channel == f.channel && lane == f.lane && seq == f.seq && json.equals(f.json)
                && ws.equals(f.ws);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, lane, seq, json, ws);
    }

    @Override
    public String toString() {
        return "Frame[channel=" + channel + ", lane=" + lane + ", seq=" + seq + ", bytes=" + json.size() + "]";
    }
}
