package io.skyspy.app.events;

import io.skyspy.app.ws.ClientSession;
import io.skyspy.app.ws.SessionListener;
import io.skyspy.protocol.Principal;
import io.skyspy.streams.events.AlertHub;
import io.skyspy.streams.events.SafetyHub;
import io.skyspy.streams.fanout.FanOut;

/**
 * What safety and alerts do when a client session attaches: register an authenticated user's
 * connection for their private alerts, and send {@code safety:snapshot} (on {@code /ws/safety/})
 * or {@code alert:snapshot} (on {@code /ws/alerts/}) right after its channels are live, so
 * nothing falls between the snapshot and the live stream (an event may appear in both; clients
 * key events by id).
 */
final class EventSessions implements SessionListener {
    private final FanOut fanOut;
    private final SafetyHub safety;
    private final AlertHub alerts;

    EventSessions(FanOut fanOut, SafetyHub safety, AlertHub alerts) {
        this.fanOut = fanOut;
        this.safety = safety;
        this.alerts = alerts;
    }

    @Override
    public void attached(ClientSession session) {
        register(session);
        long now = System.currentTimeMillis();
        switch (session.endpoint()) {
            case SAFETY -> session.reply(safety.snapshot(now));
            case ALERTS -> {
                byte[] snapshot = alerts.snapshot(viewer(session), now);
                if (snapshot != null) {
                    session.reply(snapshot);
                }
            }
            default -> { }
        }
    }

    @Override
    public void reauthenticated(ClientSession session) {
        register(session);
    }

    private void register(ClientSession session) {
        Principal p = viewer(session);
        fanOut.registerUser(p.authenticated() ? p.userId() : null, session.outlet());
    }

    private static Principal viewer(ClientSession session) {
        return session.principal() == null ? Principal.anonymous() : session.principal();
    }
}
