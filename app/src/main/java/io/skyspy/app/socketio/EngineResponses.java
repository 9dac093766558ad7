package io.skyspy.app.socketio;

import io.skyspy.protocol.socketio.EngineCodec;
import io.skyspy.protocol.socketio.EngineError;
import io.skyspy.protocol.socketio.EnginePacket;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.util.ByteStringBuilder;

/** The HTTP answers of the polling transport. */
final class EngineResponses {
    private static final HttpResponse NOOP = text(EngineCodec.encode(EnginePacket.NOOP));
    private static final HttpResponse CLOSE = text(EngineCodec.encode(EnginePacket.CLOSE));
    private static final HttpResponse OK = text("ok");
    private static final ByteString SEPARATOR = ByteString.fromString(String.valueOf(EngineCodec.SEPARATOR));

    private EngineResponses() {}

    static HttpResponse text(String body) {
        return HttpResponse.create().withEntity(ContentTypes.TEXT_PLAIN_UTF8, body);
    }

    /** The answer to a POST whose packets were all handled. */
    static HttpResponse ok() {
        return OK;
    }

    /** The answer to a GET: the packets joined with the record separator, or a noop / close. */
    static HttpResponse payload(List<OutPacket> batch) {
        if (batch == PollBuffer.CLOSE) {
            return CLOSE;
        }
        if (batch.isEmpty()) {
            return NOOP;
        }
        List<ByteString> parts = new ArrayList<>(batch.size());
        for (OutPacket p : batch) {
            p.appendPolling(parts);
        }
        ByteStringBuilder b = new ByteStringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                b.append(SEPARATOR);
            }
            b.append(parts.get(i));
        }
        return HttpResponse.create().withEntity(ContentTypes.TEXT_PLAIN_UTF8, b.result());
    }

    static HttpResponse error(EngineError e) {
        return HttpResponse.create().withStatus(e.httpStatus()).withEntity(ContentTypes.APPLICATION_JSON, e.json());
    }

    /** The node's handshake rate is spent: clients retry with their reconnection backoff. */
    static HttpResponse busy() {
        return HttpResponse.create().withStatus(StatusCodes.SERVICE_UNAVAILABLE)
                .withEntity(ContentTypes.TEXT_PLAIN_UTF8, "Too many connection attempts, retry with backoff");
    }

    static HttpResponse tooLarge() {
        return HttpResponse.create().withStatus(StatusCodes.CONTENT_TOO_LARGE)
                .withEntity(ContentTypes.TEXT_PLAIN_UTF8, "Payload too large");
    }
}
