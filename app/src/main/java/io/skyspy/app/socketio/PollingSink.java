package io.skyspy.app.socketio;

import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.SinkShape;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;

/**
 * Feeds a connection's outgoing packets into its {@link PollBuffer}, pulling only while the
 * buffer has room: the backpressure that lets the per-connection lanes upstream conflate.
 */
final class PollingSink extends GraphStage<SinkShape<OutPacket>> {
    private final Inlet<OutPacket> in = Inlet.create("PollingSink.in");
    private final SinkShape<OutPacket> shape = SinkShape.of(in);
    private final PollBuffer buffer;

    PollingSink(PollBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public SinkShape<OutPacket> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes attributes) {
        return new GraphStageLogic(shape) {
            {
                setHandler(in, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        if (buffer.add(grab(in))) {
                            pull(in);
                        }
                    }

                    @Override
                    public void onUpstreamFinish() {
                        buffer.finish();
                        completeStage();
                    }

                    @Override
                    public void onUpstreamFailure(Throwable ex) {
                        buffer.finish();
                        failStage(ex);
                    }
                });
            }

            @Override
            public void preStart() {
                AsyncCallback<Boolean> resume = createAsyncCallback(x -> {
                    if (!isClosed(in) && !hasBeenPulled(in)) {
                        pull(in);
                    }
                });
                buffer.onRoom(() -> resume.invoke(Boolean.TRUE));
                pull(in);
            }

            @Override
            public void postStop() {
                buffer.finish();
            }
        };
    }
}
