package io.skyspy.protocol.safety;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One safety episode: an emergency, an advisory, a conflict between two aircraft. Immutable;
 * every change (update, acknowledgement, end) makes a new value with the same {@code id}.
 *
 * @param id stable for the whole episode, the same on every node (derived from what opened it)
 * @param eventType one of {@link SafetyEventTypes}
 * @param icaoHex2 the second aircraft of a pair event, else null
 * @param details rule-specific values (squawk, altitude, position, separation...); a JSON tree
 *     because it crosses nodes: untyped maps would come back as Scala collections from the
 *     actor system's Jackson (it has the Scala module)
 * @param detectedAt epoch millis the episode began (the event's {@code timestamp})
 * @param updatedAt epoch millis of the latest change
 * @param resolvedAt epoch millis the episode ended, 0 while active
 * @param acknowledgedBy who acknowledged it (a user name), null while unacknowledged
 */
public record SafetyEvent(
        @JsonProperty("id") long id,
        @JsonProperty("eventType") String eventType,
        @JsonProperty("severity") Severity severity,
        @JsonProperty("icaoHex") String icaoHex,
        @JsonProperty("callsign") String callsign,
        @JsonProperty("icaoHex2") String icaoHex2,
        @JsonProperty("callsign2") String callsign2,
        @JsonProperty("message") String message,
        @JsonProperty("details") JsonNode details,
        @JsonProperty("detectedAt") long detectedAt,
        @JsonProperty("updatedAt") long updatedAt,
        @JsonProperty("resolvedAt") long resolvedAt,
        @JsonProperty("acknowledged") boolean acknowledged,
        @JsonProperty("acknowledgedBy") String acknowledgedBy,
        @JsonProperty("acknowledgedAt") long acknowledgedAt)
        implements CborSerializable {

    public SafetyEvent {
        details = details == null ? Json.MAPPER.createObjectNode() : details;
    }

    /** A JSON tree of plain values (maps, lists, numbers, text), for {@code details}. */
    public static JsonNode tree(Map<String, Object> values) {
        return Json.MAPPER.valueToTree(values);
    }

    public boolean active() {
        return resolvedAt == 0;
    }

    public boolean involves(String hex) {
        return hex.equals(icaoHex) || hex.equals(icaoHex2);
    }

    public SafetyEvent updated(Severity newSeverity, String newType, String newMessage, JsonNode newDetails,
            String newCallsign, String newCallsign2, long at) {
        return new SafetyEvent(id, newType, newSeverity, icaoHex, newCallsign, icaoHex2, newCallsign2, newMessage,
                newDetails, detectedAt, at, resolvedAt, acknowledged, acknowledgedBy, acknowledgedAt);
    }

    public SafetyEvent resolved(long at) {
        return new SafetyEvent(id, eventType, severity, icaoHex, callsign, icaoHex2, callsign2, message, details,
                detectedAt, at, at, acknowledged, acknowledgedBy, acknowledgedAt);
    }

    public SafetyEvent acknowledged(String by, long at) {
        return new SafetyEvent(id, eventType, severity, icaoHex, callsign, icaoHex2, callsign2, message, details,
                detectedAt, Math.max(updatedAt, at), resolvedAt, true, by, at);
    }

    /**
     * The {@code safety:event} body, exactly the fields of the spec's example ({@code id,
     * timestamp, event_type, severity, icao_hex, callsign, message, details}) plus
     * {@code icao_hex_2}/{@code callsign_2} for pair events.
     */
    public Map<String, Object> toEventMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("timestamp", Timestamps.iso(detectedAt));
        m.put("event_type", eventType);
        m.put("severity", severity.json());
        m.put("icao_hex", icaoHex);
        if (icaoHex2 != null) {
            m.put("icao_hex_2", icaoHex2);
        }
        m.put("callsign", callsign);
        if (icaoHex2 != null) {
            m.put("callsign_2", callsign2);
        }
        m.put("message", message);
        m.put("details", details);
        return m;
    }

    /** The event with its lifecycle: what snapshots, updates, resolutions and requests carry. */
    public Map<String, Object> toFullMap() {
        Map<String, Object> m = toEventMap();
        m.put("acknowledged", acknowledged);
        if (acknowledged) {
            m.put("acknowledged_by", acknowledgedBy);
            m.put("acknowledged_at", Timestamps.iso(acknowledgedAt));
        }
        m.put("active", active());
        m.put("updated_at", Timestamps.iso(updatedAt));
        if (!active()) {
            m.put("resolved_at", Timestamps.iso(resolvedAt));
        }
        return m;
    }
}
