package io.skyspy.streams.events;

import io.skyspy.protocol.safety.SafetyEvent;
import io.skyspy.protocol.safety.SafetyEventTypes;
import io.skyspy.protocol.safety.SafetyMessages;
import io.skyspy.protocol.safety.SafetyNotice;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.util.List;

/**
 * The node's safety stream: each notice from the node's safety view becomes one frame, encoded
 * once, on the reliable lane of the event's one channel. Reliable means immediate and never
 * dropped: not batched with aircraft data, and a client that does not read its safety events is
 * closed (1008) rather than quietly missing one.
 */
public final class SafetyHub {
    private final FanOut fanOut;
    private final DashboardLog dashboard;
    private volatile List<SafetyEvent> active = List.of();

    public SafetyHub(FanOut fanOut, DashboardLog dashboard) {
        this.fanOut = fanOut;
        this.dashboard = dashboard;
    }

    /** Called by the safety view, one notice at a time, with the event as it is now. */
    public void accept(SafetyNotice notice, SafetyEvent event, List<SafetyEvent> activeNow) {
        active = List.copyOf(activeNow);
        byte[] json;
        if (notice instanceof SafetyNotice.Opened) {
            json = SafetyMessages.opened(event);
        } else if (notice instanceof SafetyNotice.Resolved) {
            json = SafetyMessages.resolved(event);
        } else {
            json = SafetyMessages.updated(event);
        }
        fanOut.publish(Frame.of(SafetyEventTypes.channelOf(event.eventType()), Lane.RELIABLE, 0, json));
        if (notice instanceof SafetyNotice.Opened) {
            dashboard.record(DashboardLog.SAFETY, event.toEventMap(), null, null, event.detectedAt());
        }
    }

    /** {@code safety:snapshot} of the events active now, for a client that just connected. */
    public byte[] snapshot(long now) {
        return SafetyMessages.snapshot(active, now);
    }

    public int activeCount() {
        return active.size();
    }
}
