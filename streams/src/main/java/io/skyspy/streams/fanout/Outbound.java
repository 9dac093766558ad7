package io.skyspy.streams.fanout;

import org.apache.pekko.util.ByteString;

/** What flows towards one connection: frames, plus the few control signals of its transport. */
public sealed interface Outbound permits Frame, Outbound.Close, Outbound.Ping, Outbound.Pong {

    /** Close the connection with this code after everything queued before it. */
    record Close(int code, String reason) implements Outbound {}

    /** A transport-level ping (liveness). */
    record Ping() implements Outbound {}

    /** The answer to a client's transport-level ping. */
    record Pong(ByteString payload) implements Outbound {}
}
