package io.skyspy.streams.events;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.alerts.AlertMessages;
import io.skyspy.protocol.alerts.AlertNotice;
import io.skyspy.protocol.alerts.AlertTrigger;
import io.skyspy.protocol.alerts.GeofenceCrossing;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;

/**
 * The node's alert stream: each notice from the alerts topic becomes one frame, encoded once.
 * <ul>
 *   <li>{@code alert:triggered} on the reliable lane of {@link Channel#ALERT_TRIGGERS}: to everyone
 *       following it for a public rule, only to the owner's connections for a private one;
 *   <li>{@code alert:acknowledged} the same way on {@link Channel#ALERTS};
 *   <li>{@code geofence_event} to the geofence feed, {@code new_event} to the dashboard,
 *       {@code webhook_status} to the (admin-only) webhook feed.
 * </ul>
 */
public final class AlertHub {
    private final FanOut fanOut;
    private final EventFeed geofences;
    private final EventFeed webhooks;
    private final DashboardLog dashboard;
    private final int snapshotSize;
    private final Deque<AlertTrigger> recent = new ArrayDeque<>();

    /** @param snapshotSize recent alerts kept for {@code alert:snapshot} on connect (0: none) */
    public AlertHub(FanOut fanOut, EventFeed geofences, EventFeed webhooks, DashboardLog dashboard, int snapshotSize) {
        this.fanOut = fanOut;
        this.geofences = geofences;
        this.webhooks = webhooks;
        this.dashboard = dashboard;
        this.snapshotSize = snapshotSize;
    }

    public void accept(AlertNotice notice) {
        if (notice instanceof AlertNotice.Triggered t) {
            AlertTrigger a = t.alert();
            remember(a);
            deliver(Frame.of(Channel.ALERT_TRIGGERS, Lane.RELIABLE, 0, AlertMessages.triggered(a)), a.owner());
            dashboard.record(DashboardLog.ALERT, a.toSpecMap(), a.owner(), null, a.triggeredAt());
        } else if (notice instanceof AlertNotice.Acknowledged ack) {
            markAcknowledged(ack);
            deliver(Frame.of(Channel.ALERTS, Lane.RELIABLE, 0, AlertMessages.acknowledged(ack.ids(), ack.by(), ack.at())), ack.owner());
        } else if (notice instanceof AlertNotice.Crossed c) {
            GeofenceCrossing x = c.crossing();
            geofences.publish(Frame.of(null, Lane.RELIABLE, 0, AlertMessages.geofenceEvent(x)), x.owner());
            dashboard.record(DashboardLog.GEOFENCE, x.toEventMap(), x.owner(), x.eventType(), x.at());
        } else if (notice instanceof AlertNotice.Webhook w) {
            webhooks.publish(Frame.of(null, Lane.RELIABLE, 0, AlertMessages.webhookStatus(w.delivery())), null);
        }
    }

    private void deliver(Frame frame, String owner) {
        if (owner == null) {
            fanOut.publish(frame);
        } else {
            fanOut.publishToUser(owner, frame);
        }
    }

    /** {@code alert:snapshot} of the recent alerts {@code viewer} may see, newest first; null when turned off. */
    public byte[] snapshot(Principal viewer, long now) {
        if (snapshotSize <= 0) {
            return null;
        }
        List<AlertTrigger> visible = new ArrayList<>();
        synchronized (recent) {
            for (AlertTrigger a : recent) {
                if (a.visibleTo(viewer.userId(), false)) {
                    visible.add(a);
                }
            }
        }
        return AlertMessages.snapshot(visible, now);
    }

    private void remember(AlertTrigger a) {
        if (snapshotSize <= 0) {
            return;
        }
        synchronized (recent) {
            recent.addFirst(a);
            while (recent.size() > snapshotSize) {
                recent.removeLast();
            }
        }
    }

    private void markAcknowledged(AlertNotice.Acknowledged ack) {
        Set<Long> ids = new HashSet<>(ack.ids());
        synchronized (recent) {
            List<AlertTrigger> copy = new ArrayList<>(recent);
            for (ListIterator<AlertTrigger> it = copy.listIterator(); it.hasNext();) {
                AlertTrigger a = it.next();
                if (ids.contains(a.id())) {
                    it.set(a.acknowledged(ack.by(), ack.at()));
                }
            }
            recent.clear();
            recent.addAll(copy);
        }
    }
}
