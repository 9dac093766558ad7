package io.skyspy.protocol.socketio;

import io.skyspy.protocol.Json;

/**
 * The errors an Engine.IO server answers to a bad HTTP request, as HTTP 400 (403 for
 * {@link #FORBIDDEN}) with the body {@code {"code":N,"message":"..."}}. Clients and proxies match
 * on the code and text, so both are the protocol's own.
 */
public enum EngineError {
    UNKNOWN_TRANSPORT(0, "Transport unknown"),
    UNKNOWN_SID(1, "Session ID unknown"),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
    BAD_REQUEST(3, "Bad request"),
    FORBIDDEN(4, "Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

    private final int code;
    private final String message;

    EngineError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    public int httpStatus() {
        return this == FORBIDDEN ? 403 : 400;
    }

    /** The response body. */
    public byte[] json() {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }
}
