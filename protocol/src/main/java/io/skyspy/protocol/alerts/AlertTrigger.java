package io.skyspy.protocol.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.Timestamps;
import io.skyspy.protocol.safety.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One firing of an alert rule for one aircraft.
 *
 * @param owner the rule owner's user id for a private rule (only that user may see it), null for a public rule
 * @param aircraftData the aircraft as the rule saw it ({@code hex}, {@code alt_baro}, {@code lat}, ...)
 */
public record AlertTrigger(
        @JsonProperty("id") long id,
        @JsonProperty("ruleId") long ruleId,
        @JsonProperty("ruleName") String ruleName,
        @JsonProperty("icaoHex") String icaoHex,
        @JsonProperty("callsign") String callsign,
        @JsonProperty("message") String message,
        @JsonProperty("priority") Severity priority,
        @JsonProperty("aircraftData") Map<String, Object> aircraftData,
        @JsonProperty("triggeredAt") long triggeredAt,
        @JsonProperty("owner") String owner,
        @JsonProperty("acknowledged") boolean acknowledged,
        @JsonProperty("acknowledgedBy") String acknowledgedBy,
        @JsonProperty("acknowledgedAt") long acknowledgedAt)
        implements CborSerializable {

    public boolean isPrivate() {
        return owner != null;
    }

    /** True when {@code userId} (null: anonymous) may see this alert; admins see everything. */
    public boolean visibleTo(String userId, boolean admin) {
        return owner == null || admin || owner.equals(userId);
    }

    public AlertTrigger acknowledged(String by, long at) {
        return new AlertTrigger(id, ruleId, ruleName, icaoHex, callsign, message, priority, aircraftData, triggeredAt,
                owner, true, by, at);
    }

    /**
     * The {@code alert:triggered} body, exactly the spec's fields: {@code id, rule_id, rule_name,
     * icao_hex, callsign, message, priority, aircraft_data, triggered_at}.
     */
    public Map<String, Object> toSpecMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("rule_id", ruleId);
        m.put("rule_name", ruleName);
        m.put("icao_hex", icaoHex);
        m.put("callsign", callsign);
        m.put("message", message);
        m.put("priority", priority.json());
        m.put("aircraft_data", aircraftData);
        m.put("triggered_at", Timestamps.iso(triggeredAt));
        return m;
    }

    /** The alert with its acknowledgement and visibility: what history requests return. */
    public Map<String, Object> toFullMap() {
        Map<String, Object> m = toSpecMap();
        m.put("acknowledged", acknowledged);
        if (acknowledged) {
            m.put("acknowledged_by", acknowledgedBy);
            m.put("acknowledged_at", Timestamps.iso(acknowledgedAt));
        }
        m.put("visibility", isPrivate() ? "private" : "public");
        return m;
    }
}
