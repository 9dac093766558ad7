package io.skyspy.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one connection's Engine.IO messages into whole Socket.IO packets: a binary packet is only
 * complete once its announced attachments (the next binary messages) have arrived. A text message
 * while attachments are awaited, or a binary message nobody announced, breaks the protocol.
 * Attachments are bounded in number by the decoder and in size by the transport's max payload.
 * One instance per connection; not thread-safe.
 */
public final class PacketAssembler {
    private final int maxAttachments;
    private SocketPacket pending;
    private List<byte[]> buffers;

    /** What one message did. */
    public sealed interface Result {
        /** A whole packet, binary values in place. */
        record Complete(SocketPacket packet) implements Result {}

        /** More attachments are needed. */
        record Incomplete() implements Result {}

        /** The connection broke the protocol and must be closed. */
        record Failed(String reason) implements Result {}
    }

    private static final Result INCOMPLETE = new Result.Incomplete();

    public PacketAssembler(int maxAttachments) {
        this.maxAttachments = maxAttachments;
    }

    /** The data of an Engine.IO text message. */
    public Result text(String data) {
        if (pending != null) {
            return new Result.Failed("text message while awaiting attachments");
        }
        Decoded<SocketPacket> d = SocketCodec.decode(data, maxAttachments);
        if (!d.isOk()) {
            return new Result.Failed(d.reason());
        }
        SocketPacket p = d.value();
        if (p.attachments() == 0) {
            return p.type().isBinary() ? complete(p, List.of()) : new Result.Complete(p);
        }
        pending = p;
        buffers = new ArrayList<>(p.attachments());
        return INCOMPLETE;
    }

    /** An Engine.IO binary message. */
    public Result binary(byte[] data) {
        if (pending == null) {
            return new Result.Failed("unexpected binary message");
        }
        buffers.add(data);
        if (buffers.size() < pending.attachments()) {
            return INCOMPLETE;
        }
        SocketPacket p = pending;
        List<byte[]> b = buffers;
        pending = null;
        buffers = null;
        return complete(p, b);
    }

    /** True while a binary packet waits for attachments. */
    public boolean awaiting() {
        return pending != null;
    }

    private static Result complete(SocketPacket p, List<byte[]> attachments) {
        if (p.data() == null) {
            return new Result.Complete(p);
        }
        Decoded<JsonNode> data = BinaryPlaceholders.reconstruct(p.data(), attachments);
        if (!data.isOk()) {
            return new Result.Failed(data.reason());
        }
        return new Result.Complete(new SocketPacket(p.type(), p.namespace(), p.ackId(), data.value(), 0));
    }
}
