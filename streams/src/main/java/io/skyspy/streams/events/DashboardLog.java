package io.skyspy.streams.events;

import io.skyspy.protocol.Timestamps;
import io.skyspy.protocol.alerts.AlertMessages;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import io.skyspy.streams.fanout.Subscriber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's live feed (spec 003): every new safety event, alert and geofence crossing is
 * pushed as {@code new_event} to the dashboard's connections and kept for the
 * {@code dashboard_update} snapshot (the newest N, and today's counts, UTC). Each node sees every
 * event through the cluster topics, so its counts cover the cluster since this node started.
 */
public final class DashboardLog {
    public static final String SAFETY = "safety";
    public static final String ALERT = "alert";
    public static final String GEOFENCE = "geofence";

    private record Entry(Map<String, Object> event, String owner, String category, String kind) {}

    private final EventFeed feed;
    private final int keep;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private LocalDate day;
    private long eventsToday;
    private long entriesToday;
    private long exitsToday;
    private long alertsToday;
    private long safetyToday;

    /** @param keep how many recent events the snapshot lists */
    public DashboardLog(EventFeed feed, int keep) {
        this.feed = feed;
        this.keep = keep;
    }

    public EventFeed feed() {
        return feed;
    }

    /**
     * @param event the event's own fields; {@code category} and {@code timestamp} are added
     * @param owner null for everyone, else the only user who may see it
     * @param kind {@code entry}/{@code exit} for geofence crossings, else null
     */
    public void record(String category, Map<String, Object> event, String owner, String kind, long at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("category", category);
        e.putAll(event);
        e.putIfAbsent("timestamp", Timestamps.iso(at));
        synchronized (this) {
            roll(at);
            eventsToday++;
            switch (category) {
                case SAFETY -> safetyToday++;
                case ALERT -> alertsToday++;
                default -> {
                    if ("entry".equals(kind)) {
                        entriesToday++;
                    } else if ("exit".equals(kind)) {
                        exitsToday++;
                    }
                }
            }
            recent.addFirst(new Entry(e, owner, category, kind));
            while (recent.size() > Math.max(keep * 4, 200)) {
                recent.removeLast();
            }
            // inside the lock: a connection attaching meanwhile gets this event either in its
            // snapshot or live, never both and never neither
            feed.publish(Frame.of(null, Lane.RELIABLE, 0, AlertMessages.newEvent(e, at)), owner);
        }
    }

    /**
     * A dashboard connection joins: it gets {@code dashboard_update} first, then every
     * {@code new_event} after it (see {@link #snapshot} for the parameters).
     */
    public synchronized void attach(Subscriber s, String viewer, int activeGeofences, int activeDevices,
            int activeSafetyEvents, long now) {
        s.offer(Frame.of(null, Lane.RELIABLE, 0, snapshot(viewer, activeGeofences, activeDevices, activeSafetyEvents, now)));
        feed.join(s, viewer);
    }

    /**
     * The {@code dashboard_update} message for one viewer.
     *
     * @param viewer the viewer's user id, null when anonymous: private events of others are left out
     * @param activeGeofences geofences of the enabled rules the viewer may see
     * @param activeDevices aircraft tracked now
     * @param activeSafetyEvents safety episodes going on now
     */
    public byte[] snapshot(String viewer, int activeGeofences, int activeDevices, int activeSafetyEvents, long now) {
        Map<String, Object> stats = new LinkedHashMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        synchronized (this) {
            roll(now);
            stats.put("active_geofences", activeGeofences);
            stats.put("active_devices", activeDevices);
            stats.put("events_today", eventsToday);
            stats.put("entries_today", entriesToday);
            stats.put("exits_today", exitsToday);
            stats.put("alerts_today", alertsToday);
            stats.put("safety_events_today", safetyToday);
            stats.put("active_safety_events", activeSafetyEvents);
            stats.put("timestamp", Timestamps.iso(now));
            for (Iterator<Entry> it = recent.iterator(); it.hasNext() && events.size() < keep;) {
                Entry en = it.next();
                if (en.owner() == null || en.owner().equals(viewer)) {
                    events.add(en.event());
                }
            }
        }
        return AlertMessages.dashboardUpdate(stats, events, now);
    }

    private void roll(long at) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            eventsToday = 0;
            entriesToday = 0;
            exitsToday = 0;
            alertsToday = 0;
            safetyToday = 0;
        }
    }
}
