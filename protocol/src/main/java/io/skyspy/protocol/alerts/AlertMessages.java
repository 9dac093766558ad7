package io.skyspy.protocol.alerts;

import io.skyspy.protocol.Json;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.Timestamps;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoders of the alert, geofence, dashboard and webhook messages. The {@code alert:*} ones use
 * spec 000's {@code {"type","data"}} envelope; the spec 003 ones ({@code geofence_event},
 * {@code new_event}, {@code dashboard_update}, {@code webhook_status}) put their payload beside
 * {@code type}, as spec 003's example does.
 */
public final class AlertMessages {
    public static final String TRIGGERED = "alert:triggered";
    public static final String ACKNOWLEDGED = "alert:acknowledged";
    public static final String SNAPSHOT = "alert:snapshot";
    public static final String GEOFENCE_EVENT = "geofence_event";
    public static final String NEW_EVENT = "new_event";
    public static final String DASHBOARD_UPDATE = "dashboard_update";
    public static final String WEBHOOK_STATUS = "webhook_status";

    private AlertMessages() {}

    public static byte[] triggered(AlertTrigger a) {
        return ServerMessages.event(TRIGGERED, a.toSpecMap());
    }

    public static byte[] acknowledged(List<Long> ids, String by, long at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ids", ids);
        m.put("count", ids.size());
        m.put("acknowledged_by", by);
        m.put("timestamp", Timestamps.iso(at));
        return ServerMessages.event(ACKNOWLEDGED, m);
    }

    /** {@code {"type":"alert:snapshot","data":{"alerts":[...],"count":N,"timestamp":...}}}. */
    public static byte[] snapshot(Collection<AlertTrigger> alerts, long now) {
        List<Map<String, Object>> list = alerts.stream().map(AlertTrigger::toFullMap).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alerts", list);
        m.put("count", list.size());
        m.put("timestamp", Timestamps.iso(now));
        return ServerMessages.event(SNAPSHOT, m);
    }

    /** Spec 003: {@code {"type":"geofence_event","event":{...},"timestamp":...}}. */
    public static byte[] geofenceEvent(GeofenceCrossing c) {
        return beside(GEOFENCE_EVENT, "event", c.toEventMap(), c.at());
    }

    /** Spec 003: {@code {"type":"new_event","event":{...},"timestamp":...}}. */
    public static byte[] newEvent(Map<String, Object> event, long at) {
        return beside(NEW_EVENT, "event", event, at);
    }

    /** Spec 003: {@code {"type":"dashboard_update","stats":{...},"recent_events":[...],"timestamp":...}}. */
    public static byte[] dashboardUpdate(Map<String, Object> stats, List<Map<String, Object>> recent, long now) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", DASHBOARD_UPDATE);
            g.writeObjectField("stats", stats);
            g.writeObjectField("recent_events", recent);
            g.writeStringField("timestamp", Timestamps.iso(now));
            g.writeEndObject();
        });
    }

    /** {@code {"type":"webhook_status","delivery":{...},"timestamp":...}}. */
    public static byte[] webhookStatus(WebhookDelivery d) {
        return beside(WEBHOOK_STATUS, "delivery", d.toMap(), d.at());
    }

    private static byte[] beside(String type, String field, Object payload, long at) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeObjectField(field, payload);
            g.writeStringField("timestamp", Timestamps.iso(at));
            g.writeEndObject();
        });
    }
}
