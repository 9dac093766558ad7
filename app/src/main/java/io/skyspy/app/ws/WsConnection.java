package io.skyspy.app.ws;

import io.skyspy.protocol.CloseCodes;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Outbound;
import io.skyspy.streams.ws.ClientFrame;
import io.skyspy.streams.ws.FrameAssembler;
import io.skyspy.streams.ws.WsFrames;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * One raw WebSocket connection as a frame-level flow, run by the outlet's single stage:
 * <pre>
 * client frames -> assemble (unmask, join, size limit) -> handle one at a time -> session
 * session outlet (reliable + conflated position lanes) -> encode -> client frames
 * </pre>
 * The two sides are coupled: when either ends, the other does, and the session is detached.
 */
final class WsConnection {
    private static final CompletableFuture<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());

    private final ClientSession session;
    private final long maxMessageBytes;

    WsConnection(ClientSession session, long maxMessageBytes) {
        this.session = session;
        this.maxMessageBytes = maxMessageBytes;
    }

    Flow<FrameEvent, FrameEvent, NotUsed> flow() {
        FrameAssembler assembler = new FrameAssembler(maxMessageBytes);
        return session.outlet().flow(frame -> onFrames(assembler.accept(frame)), WsConnection::encode,
                session::open, session::closed);
    }

    /** Handles the complete messages one frame yielded, one after the other. */
    private CompletionStage<Done> onFrames(List<ClientFrame> frames) {
        CompletionStage<Done> done = DONE;
        for (ClientFrame f : frames) {
            done = done.thenCompose(d -> onFrame(f));
        }
        return done;
    }

    private CompletionStage<Done> onFrame(ClientFrame f) {
        session.outlet().heard();
        if (f instanceof ClientFrame.Text t) {
            return session.onText(t.text());
        }
        if (f instanceof ClientFrame.Ping p) {
            session.outlet().pong(p.payload());
        } else if (f instanceof ClientFrame.Close c) {
            session.outlet().close(c.code() == 1005 ? CloseCodes.NORMAL : c.code(), "");
        } else if (f instanceof ClientFrame.TooLarge) {
            session.reply(ServerMessages.error(ErrorMessages.MESSAGE_TOO_LARGE, null));
            session.outlet().close(CloseCodes.MESSAGE_TOO_BIG, ErrorMessages.MESSAGE_TOO_LARGE);
        } else if (f instanceof ClientFrame.Binary) {
            session.reply(ServerMessages.error(ErrorMessages.BINARY_NOT_SUPPORTED, null));
        } else if (f instanceof ClientFrame.ProtocolError e) {
            session.outlet().close(1002, e.reason());
        }
        return DONE;
    }

    private static FrameEvent encode(Outbound o) {
        if (o instanceof Frame f) {
            return f.ws();
        }
        if (o instanceof Outbound.Ping) {
            return WsFrames.ping();
        }
        if (o instanceof Outbound.Pong p) {
            return WsFrames.pong(p.payload());
        }
        Outbound.Close c = (Outbound.Close) o;
        return WsFrames.close(c.code(), c.reason());
    }
}
