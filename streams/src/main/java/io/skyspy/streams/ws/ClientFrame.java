package io.skyspy.streams.ws;

import org.apache.pekko.util.ByteString;

/** A complete client WebSocket message or control frame, unmasked and reassembled. */
public sealed interface ClientFrame {

    /** A whole text message (all fragments joined). */
    record Text(String text) implements ClientFrame {}

    /** A whole binary message (the raw API has no use for them; Socket.IO carries attachments in them). */
    record Binary(ByteString bytes) implements ClientFrame {
        public int size() {
            return bytes.size();
        }
    }

    /** A ping the server must answer with a pong carrying the same payload. */
    record Ping(ByteString payload) implements ClientFrame {}

    /** The peer's answer to our ping: it is alive. */
    record Pong() implements ClientFrame {}

    /** The peer wants to close; {@code code} is 1005 when it sent none. */
    record Close(int code) implements ClientFrame {}

    /** A message over the size limit; its bytes were discarded as they came. */
    record TooLarge(long size) implements ClientFrame {}

    /** Frames that break RFC 6455 (a continuation without a start, a fragmented control frame). */
    record ProtocolError(String reason) implements ClientFrame {}
}
