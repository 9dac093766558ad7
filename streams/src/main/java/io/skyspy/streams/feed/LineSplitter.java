package io.skyspy.streams.feed;

import java.nio.charset.StandardCharsets;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Splits a byte stream into lines at {@code \n}, dropping a trailing {@code \r}.
 *
 * <p>Unlike {@code Framing.delimiter}, which fails the whole stream on a frame longer than its
 * limit, an over-long line is skipped up to its newline and reported through {@code onOverlong}: one
 * corrupt line from a receiver must cost one line, not the connection. Memory stays bounded by the
 * limit plus one network chunk. A final line without newline is still emitted.
 */
final class LineSplitter extends GraphStage<FlowShape<ByteString, String>> {
    private static final byte NL = '\n';

    private final Inlet<ByteString> in = Inlet.create("LineSplitter.in");
    private final Outlet<String> out = Outlet.create("LineSplitter.out");
    private final FlowShape<ByteString, String> shape = FlowShape.of(in, out);
    private final int maxLineLength;
    private final Runnable onOverlong;

    LineSplitter(int maxLineLength, Runnable onOverlong) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive");
        }
        this.maxLineLength = maxLineLength;
        this.onOverlong = onOverlong;
    }

    @Override
    public FlowShape<ByteString, String> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes attributes) {
        return new GraphStageLogic(shape) {
            private ByteString buffer = ByteString.emptyByteString();
            /** Bytes of the buffer already known to hold no newline. */
            private int scanned;
            /** Inside an over-long line: drop everything up to the next newline. */
            private boolean discarding;

            {
                setHandler(in, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        buffer = buffer.concat(grab(in));
                        if (isAvailable(out)) {
                            deliver();
                        }
                    }

                    @Override
                    public void onUpstreamFinish() {
                        if (isAvailable(out)) {
                            deliver();
                        }
                    }
                });
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        deliver();
                    }
                });
            }

            /** Pushes one line if the buffer has one, otherwise asks for more bytes. Called when out is pulled. */
            private void deliver() {
                while (true) {
                    int nl = buffer.indexOf(NL, scanned);
                    if (nl >= 0) {
                        ByteString line = buffer.take(nl);
                        buffer = buffer.drop(nl + 1);
                        scanned = 0;
                        if (discarding || nl > maxLineLength) {
                            discarding = false;
                            onOverlong.run();
                            continue;
                        }
                        push(out, decode(line));
                        return;
                    }
                    scanned = buffer.size();
                    if (buffer.size() > maxLineLength) {
                        discarding = true;
                        buffer = ByteString.emptyByteString();
                        scanned = 0;
                    }
                    if (isClosed(in)) {
                        finish();
                        return;
                    }
                    if (!hasBeenPulled(in)) {
                        pull(in);
                    }
                    return;
                }
            }

            private void finish() {
                if (discarding) {
                    onOverlong.run();
                } else if (!buffer.isEmpty()) {
                    push(out, decode(buffer));
                }
                buffer = ByteString.emptyByteString();
                completeStage();
            }
        };
    }

    private static String decode(ByteString line) {
        int end = line.size();
        while (end > 0 && line.apply(end - 1) == '\r') {
            end--;
        }
        return line.take(end).decodeString(StandardCharsets.UTF_8);
    }
}
