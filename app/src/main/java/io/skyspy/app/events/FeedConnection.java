package io.skyspy.app.events;

import io.skyspy.protocol.CloseCodes;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.streams.fanout.ConnectionOutlet;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Outbound;
import io.skyspy.streams.ws.ClientFrame;
import io.skyspy.streams.ws.FrameAssembler;
import io.skyspy.streams.ws.WsFrames;
import java.util.regex.Pattern;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One connection to a spec 003 channel: the server pushes, the client only keeps the socket
 * alive. Same frame-level plumbing as the {@code /ws/{endpoint}/} connections (shared frames,
 * reliable lane, heartbeat sweep); a client's {@code {"action":"ping"}} or {@code {"type":"ping"}}
 * gets {@code {"type":"pong"}}, anything else is ignored.
 */
final class FeedConnection {
    private static final Pattern PING = Pattern.compile("^\\s*\\{\\s*\"(action|type)\"\\s*:\\s*\"ping\"\\s*}\\s*$");

    private final ConnectionOutlet outlet;
    private final Runnable onOpen;
    private final Runnable onClosed;
    private final long maxMessageBytes;

    FeedConnection(ConnectionOutlet outlet, Runnable onOpen, Runnable onClosed, long maxMessageBytes) {
        this.outlet = outlet;
        this.onOpen = onOpen;
        this.onClosed = onClosed;
        this.maxMessageBytes = maxMessageBytes;
    }

    Flow<FrameEvent, FrameEvent, NotUsed> flow() {
        FrameAssembler assembler = new FrameAssembler(maxMessageBytes);
        Sink<FrameEvent, NotUsed> in = Flow.<FrameEvent>create()
                .mapConcat(assembler::accept)
                .map(f -> {
                    onFrame(f);
                    return f;
                })
                .named("feed-in")
                .to(Sink.ignore());
        Source<FrameEvent, NotUsed> out = outlet.source(onOpen, onClosed)
                .map(FeedConnection::encode)
                .named("feed-out");
        return Flow.fromSinkAndSourceCoupled(in, out);
    }

    private void onFrame(ClientFrame f) {
        outlet.heard();
        if (f instanceof ClientFrame.Text t && PING.matcher(t.text()).matches()) {
            outlet.send(Frame.reply(ServerMessages.pong()));
        } else if (f instanceof ClientFrame.Ping p) {
            outlet.pong(p.payload());
        } else if (f instanceof ClientFrame.Close c) {
            outlet.close(c.code() == 1005 ? CloseCodes.NORMAL : c.code(), "");
        } else if (f instanceof ClientFrame.TooLarge) {
            outlet.close(CloseCodes.MESSAGE_TOO_BIG, ErrorMessages.MESSAGE_TOO_LARGE);
        } else if (f instanceof ClientFrame.ProtocolError e) {
            outlet.close(1002, e.reason());
        }
    }

    static FrameEvent encode(Outbound o) {
        if (o instanceof Frame f) {
            return f.ws();
        }
        if (o instanceof Outbound.Ping) {
            return WsFrames.ping();
        }
        if (o instanceof Outbound.Pong p) {
            return WsFrames.pong(p.payload());
        }
        if (o instanceof Outbound.Close c) {
            return WsFrames.close(c.code(), c.reason());
        }
        throw new IllegalStateException("a feed connection has no position lane: " + o);
    }
}
