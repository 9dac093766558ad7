package io.skyspy.streams.feed;

/**
 * Thrown inside a parser to abandon one line or aircraft object; turned into a {@link
 * ParseResult.Rejected} before it leaves the parser. No stack trace: a hostile feed may produce
 * thousands per second.
 */
final class FieldRejected extends Exception {
    FieldRejected(String reason) {
        super(reason, null, false, false);
    }
}
