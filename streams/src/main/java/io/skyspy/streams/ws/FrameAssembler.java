package io.skyspy.streams.ws;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pekko.http.impl.engine.ws.FrameData;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.http.impl.engine.ws.FrameHeader;
import org.apache.pekko.http.impl.engine.ws.FrameStart;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.util.ByteStringBuilder;

/**
 * Turns the raw client frame events of one connection into whole {@link ClientFrame}s: unmasks
 * (clients must mask, RFC 6455 5.3), joins fragmented messages, lets control frames interleave,
 * and enforces the message size limit while the bytes arrive, so an oversized message is never
 * buffered. One instance per connection; not thread-safe, used inside one stream stage.
 */
public final class FrameAssembler {
    private final long maxMessageBytes;

    // the frame being read (data may arrive in several FrameData events)
    private byte opcode;
    private boolean fin;
    private int mask;
    private boolean masked;
    private long maskOffset;
    private boolean inFrame;

    // the message being assembled (may span several frames)
    private byte messageOpcode = -1;
    private ByteStringBuilder message = new ByteStringBuilder();
    private long messageSize;
    private boolean discarding;

    // a control frame's payload (control frames are small but may still arrive in parts)
    private ByteStringBuilder control;

    public FrameAssembler(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public List<ClientFrame> accept(FrameEvent event) {
        if (event instanceof FrameStart start) {
            return onStart(start);
        }
        FrameData data = (FrameData) event;
        return onData(data.data(), data.lastPart());
    }

    private List<ClientFrame> onStart(FrameStart start) {
        FrameHeader h = start.header();
        opcode = h.opcode().code();
        fin = h.fin();
        masked = h.mask().isDefined();
        mask = masked ? (Integer) h.mask().get() : 0;
        maskOffset = 0;
        inFrame = true;
        if (isControl(opcode)) {
            if (!fin || h.length() > 125) {
                return List.of(new ClientFrame.ProtocolError("invalid control frame"));
            }
            control = new ByteStringBuilder();
        } else if (opcode == WsFrames.CONTINUATION) {
            if (messageOpcode < 0) {
                return List.of(new ClientFrame.ProtocolError("continuation without a message"));
            }
        } else {
            if (messageOpcode >= 0) {
                return List.of(new ClientFrame.ProtocolError("new message inside a fragmented one"));
            }
            messageOpcode = opcode;
            message = new ByteStringBuilder();
            messageSize = 0;
            discarding = false;
        }
        if (!isControl(opcode) && messageSize + h.length() > maxMessageBytes) {
            // the header announces the size: refuse before reading a byte of it
            discarding = true;
        }
        return onData(start.data(), start.lastPart());
    }

    private List<ClientFrame> onData(ByteString data, boolean lastPart) {
        if (!inFrame) {
            return List.of(new ClientFrame.ProtocolError("data outside a frame"));
        }
        ByteString plain = masked ? unmask(data) : data;
        if (isControl(opcode)) {
            control.append(plain);
            return lastPart ? finishControl() : List.of();
        }
        messageSize += plain.size();
        if (!discarding) {
            if (messageSize > maxMessageBytes) {
                discarding = true;
                message = new ByteStringBuilder();
            } else {
                message.append(plain);
            }
        }
        if (!lastPart) {
            return List.of();
        }
        inFrame = false;
        if (!fin) {
            return List.of();
        }
        return finishMessage();
    }

    private List<ClientFrame> finishControl() {
        inFrame = false;
        ByteString payload = control.result();
        control = null;
        if (opcode == WsFrames.PING) {
            return List.of(new ClientFrame.Ping(payload));
        }
        if (opcode == WsFrames.PONG) {
            return List.of(new ClientFrame.Pong());
        }
        int code = payload.size() >= 2 ? ((payload.apply(0) & 0xff) << 8) | (payload.apply(1) & 0xff) : 1005;
        return List.of(new ClientFrame.Close(code));
    }

    private List<ClientFrame> finishMessage() {
        byte kind = messageOpcode;
        long size = messageSize;
        boolean tooLarge = discarding;
        ByteString bytes = message.result();
        messageOpcode = -1;
        message = new ByteStringBuilder();
        messageSize = 0;
        discarding = false;
        if (tooLarge) {
            return List.of(new ClientFrame.TooLarge(size));
        }
        if (kind == WsFrames.BINARY) {
            return List.of(new ClientFrame.Binary(bytes));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.asByteBuffer())
                    .toString();
            return List.of(new ClientFrame.Text(text));
        } catch (CharacterCodingException e) {
            return List.of(new ClientFrame.ProtocolError("text message is not UTF-8"));
        }
    }

    private ByteString unmask(ByteString data) {
        byte[] out = data.toArray();
        for (int i = 0; i < out.length; i++) {
            int shift = 24 - 8 * (int) ((maskOffset + i) & 3);
            out[i] ^= (byte) (mask >>> shift);
        }
        maskOffset += out.length;
        return ByteString.fromArrayUnsafe(out);
    }

    private static boolean isControl(byte opcode) {
        return (opcode & 0x08) != 0;
    }
}
