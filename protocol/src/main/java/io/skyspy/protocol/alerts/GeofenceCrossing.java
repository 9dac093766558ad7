package io.skyspy.protocol.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyspy.protocol.CborSerializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An aircraft crossed the boundary of a geofence defined in an alert rule.
 *
 * @param entry true for an entry, false for an exit
 * @param owner the rule owner's user id for a private rule, null for a public one
 * @param altitude feet, null when unknown
 */
public record GeofenceCrossing(
        @JsonProperty("geofenceId") String geofenceId,
        @JsonProperty("geofenceName") String geofenceName,
        @JsonProperty("ruleId") long ruleId,
        @JsonProperty("hex") String hex,
        @JsonProperty("callsign") String callsign,
        @JsonProperty("entry") boolean entry,
        @JsonProperty("lat") double lat,
        @JsonProperty("lon") double lon,
        @JsonProperty("altitude") Integer altitude,
        @JsonProperty("at") long at,
        @JsonProperty("owner") String owner)
        implements CborSerializable {

    public String eventType() {
        return entry ? "entry" : "exit";
    }

    /**
     * The {@code event} object of spec 003's {@code geofence_event} ({@code device_id} is the
     * aircraft's hex), with the aircraft's callsign, altitude and the rule as extras.
     */
    public Map<String, Object> toEventMap() {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("latitude", lat);
        location.put("longitude", lon);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device_id", hex);
        m.put("geofence_id", geofenceId);
        m.put("geofence_name", geofenceName);
        m.put("event_type", eventType());
        m.put("location", location);
        m.put("callsign", callsign);
        m.put("altitude", altitude);
        m.put("rule_id", ruleId);
        return m;
    }
}
