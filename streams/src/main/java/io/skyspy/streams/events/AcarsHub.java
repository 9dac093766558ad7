package io.skyspy.streams.events;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.acars.AcarsMessage;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The node's ACARS stream: each message from the ACARS topic becomes one {@code acars:message}
 * frame, encoded once, on the reliable lane, to the clients of {@link Channel#ACARS_MESSAGES}
 * and, for VDL2, of {@link Channel#ACARS_VDLM2}: once each, whichever they follow. The last {@code keep} messages answer the
 * {@code messages} request.
 */
public final class AcarsHub {
    private final FanOut fanOut;
    private final int keep;
    private final Deque<AcarsMessage> recent = new ArrayDeque<>();

    public AcarsHub(FanOut fanOut, int keep) {
        this.fanOut = fanOut;
        this.keep = keep;
    }

    public void accept(AcarsMessage m) {
        Frame frame = Frame.of(Channel.ACARS_MESSAGES, Lane.RELIABLE, 0, ServerMessages.event("acars:message", m.toSpecMap()));
        if (m.vdlm2()) {
            fanOut.publish(frame, Channel.ACARS_VDLM2);
        } else {
            fanOut.publish(frame);
        }
        synchronized (recent) {
            recent.addFirst(m);
            if (recent.size() > keep) {
                recent.removeLast();
            }
        }
    }

    /** The newest first, at most {@code limit}, of those that match. */
    public List<Map<String, Object>> recent(Predicate<AcarsMessage> filter, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (recent) {
            for (Iterator<AcarsMessage> it = recent.iterator(); it.hasNext() && out.size() < limit;) {
                AcarsMessage m = it.next();
                if (filter.test(m)) {
                    out.add(m.toSpecMap());
                }
            }
        }
        return out;
    }
}
