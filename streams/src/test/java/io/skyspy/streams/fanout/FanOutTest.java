package io.skyspy.streams.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skyspy.protocol.Channel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private static final class Recorder implements Subscriber {
        final List<Frame> got = new ArrayList<>();

        @Override
        public void offer(Frame frame) {
            got.add(frame);
        }
    }

    @Test
    void aFrameForTwoChannelsReachesEachFollowerOnce() {
        FanOut fanOut = new FanOut();
        Recorder messagesOnly = new Recorder();
        Recorder vdl2Only = new Recorder();
        Recorder both = new Recorder();
        Recorder neither = new Recorder();
        fanOut.subscribe(Channel.ACARS_MESSAGES, messagesOnly);
        fanOut.subscribe(Channel.ACARS_VDLM2, vdl2Only);
        fanOut.subscribe(Channel.ACARS_MESSAGES, both);
        fanOut.subscribe(Channel.ACARS_VDLM2, both);
        fanOut.subscribe(Channel.SAFETY_EVENTS, neither);

        Frame f = Frame.of(Channel.ACARS_MESSAGES, Lane.RELIABLE, 0, "{}".getBytes(StandardCharsets.UTF_8));
        fanOut.publish(f, Channel.ACARS_VDLM2);

        assertEquals(List.of(f), messagesOnly.got);
        assertEquals(List.of(f), vdl2Only.got);
        assertEquals(List.of(f), both.got);
        assertEquals(List.of(), neither.got);
    }
}
