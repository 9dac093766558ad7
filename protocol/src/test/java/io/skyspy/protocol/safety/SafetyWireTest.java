package io.skyspy.protocol.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.alerts.AlertTrigger;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wire forms of safety events and alerts, and the channel each travels on. */
class SafetyWireTest {

    @Test
    void eachEventHasOneChannelAndTheTopicsAreTheirUnions() {
        assertEquals(Channel.SAFETY_TCAS, SafetyEventTypes.channelOf(SafetyEventTypes.TCAS_RA));
        assertEquals(Channel.SAFETY_EMERGENCY, SafetyEventTypes.channelOf(SafetyEventTypes.EMERGENCY_SQUAWK));
        assertEquals(Channel.SAFETY_EVENTS, SafetyEventTypes.channelOf(SafetyEventTypes.PROXIMITY_CONFLICT));
        assertEquals(EnumSet.of(Channel.SAFETY_EVENTS, Channel.SAFETY_TCAS, Channel.SAFETY_EMERGENCY),
                Endpoint.SAFETY.channelsOf("events").orElseThrow());
        assertEquals(EnumSet.of(Channel.ALERTS, Channel.ALERT_TRIGGERS), Endpoint.ALERTS.channelsOf("alerts").orElseThrow());
        assertEquals(Set.of(Channel.ALERT_TRIGGERS), Endpoint.ALERTS.channelsOf("triggers").orElseThrow());
    }

    @Test
    void aSafetyEventHasTheSpecsFieldsAndPairsTheirSecondAircraft() {
        SafetyEvent e = new SafetyEvent(124, "emergency_squawk", Severity.CRITICAL, "A1B2C3", "N12345", null, null,
                "Emergency squawk 7700 detected", SafetyEvent.tree(Map.of("squawk", "7700")), 1705314660000L, 1705314660000L, 0, false, null, 0);
        assertEquals(List.of("id", "timestamp", "event_type", "severity", "icao_hex", "callsign", "message", "details"),
                List.copyOf(e.toEventMap().keySet()));
        assertEquals("2024-01-15T10:31:00.000Z", e.toEventMap().get("timestamp"));
        assertEquals("critical", e.toEventMap().get("severity"));
        SafetyEvent pair = new SafetyEvent(1, "proximity_conflict", Severity.HIGH, "A1", "UAL1", "B2", "DAL2", "m", null,
                0, 0, 0, false, null, 0);
        assertEquals("B2", pair.toEventMap().get("icao_hex_2"));
        assertEquals("DAL2", pair.toEventMap().get("callsign_2"));
        assertTrue(pair.toFullMap().containsKey("acknowledged"));
        String snapshot = new String(SafetyMessages.snapshot(List.of(e), 0), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(snapshot.startsWith("{\"type\":\"safety:snapshot\",\"data\":{\"events\":[{\"id\":124,"), snapshot);
    }

    @Test
    void anAlertHasExactlyTheSpecsFields() {
        AlertTrigger a = new AlertTrigger(457, 12, "Low Altitude Alert", "A1B2C3", "N12345", "Aircraft below 1000ft detected",
                Severity.MEDIUM, Map.of("hex", "A1B2C3", "alt_baro", 800), 1705314660000L, null, false, null, 0);
        assertEquals(List.of("id", "rule_id", "rule_name", "icao_hex", "callsign", "message", "priority", "aircraft_data", "triggered_at"),
                List.copyOf(a.toSpecMap().keySet()));
        assertEquals("medium", a.toSpecMap().get("priority"));
        assertEquals(Severity.MEDIUM, Severity.parseLenient("warning").orElseThrow());
        assertEquals(Severity.LOW, Severity.parseLenient("info").orElseThrow());
    }
}
