package io.skyspy.protocol.socketio;

/**
 * The outcome of decoding untrusted input: a value or the reason it was refused. The codecs of
 * this package return these instead of throwing, so hostile input can never escape as an
 * exception into a transport.
 */
public sealed interface Decoded<T> {

    /** Decoding succeeded. */
    record Ok<T>(T value) implements Decoded<T> {}

    /** The input breaks the protocol; {@code reason} is for logs, never echoed to the peer. */
    record Error<T>(String reason) implements Decoded<T> {}

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> error(String reason) {
        return new Error<>(reason);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; only call it after {@link #isOk()}. */
    default T value() {
        throw new IllegalStateException("not decoded: " + ((Error<T>) this).reason());
    }

    /** Why decoding failed; only call it when not {@link #isOk()}. */
    default String reason() {
        throw new IllegalStateException("decoded fine");
    }
}
