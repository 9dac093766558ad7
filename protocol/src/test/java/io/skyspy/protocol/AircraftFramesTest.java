package io.skyspy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AircraftFramesTest {
    private static AircraftState state(String hex, double lat, Object alt) {
        Object[] v = new Object[AircraftField.COUNT];
        v[AircraftField.LAT.ordinal()] = lat;
        v[AircraftField.LON.ordinal()] = -118.4;
        v[AircraftField.ALT_BARO.ordinal()] = alt;
        v[AircraftField.FLIGHT.ordinal()] = "SWA1234";
        return new AircraftState(hex, v, 1, 1);
    }

    @Test
    void deltaCarriesOnlyChangedTrackedFields() {
        AircraftState a = state("A1B2C3", 33.9, 35000);
        Object[] v = a.values().clone();
        v[AircraftField.LAT.ordinal()] = 33.95;
        v[AircraftField.RSSI.ordinal()] = -20.5;
        AircraftState b = new AircraftState("A1B2C3", v, 2, 2);
        assertEquals(java.util.Map.of("lat", 33.95), b.changesSince(a).asMap());
        assertTrue(a.changesSince(a).isEmpty());
    }

    @Test
    void groundIsNotAnAltitude() {
        AircraftState g = state("A1B2C3", 33.9, "ground");
        assertTrue(g.onGround());
        assertEquals(null, g.altitudeFt());
        assertFalse(state("A1B2C3", 33.9, 0).onGround());
    }

    @Test
    void batchEndsWithSeqCountTimestampAndCountMatchesMessages() throws Exception {
        List<AircraftEvent> events = List.of(
                new AircraftEvent.New(state("A1B2C3", 33.9, 5000)),
                new AircraftEvent.Delta(state("A1B2C3", 34.0, 5100).changesSince(state("A1B2C3", 33.9, 5000)), state("A1B2C3", 34.0, 5100)),
                new AircraftEvent.Removed("D4E5F6", "timeout"));
        byte[] bytes = AircraftFrames.batch(events, 7, 1705314600000L);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\"seq\":7,\"count\":3,\"timestamp\":\"2024-01-15T10:30:00.000Z\"}"), text);
        JsonNode root = Json.MAPPER.readTree(bytes);
        assertEquals("batch", root.get("type").asText());
        assertEquals(root.get("count").asInt(), root.get("messages").size());
        assertEquals("aircraft:new", root.get("messages").get(0).get("type").asText());
        assertEquals("SWA1234", root.get("messages").get(0).get("data").get("flight").asText());
        assertEquals(34.0, root.get("messages").get(1).get("data").get("changes").get("lat").asDouble());
        assertEquals(5100, root.get("messages").get(1).get("data").get("changes").get("alt_baro").asInt());
        assertEquals("timeout", root.get("messages").get(2).get("data").get("reason").asText());
    }

    @Test
    void snapshotHasTheSpecShape() throws Exception {
        JsonNode root = Json.MAPPER.readTree(AircraftFrames.fullList(AircraftFrames.SNAPSHOT,
                List.of(state("A1B2C3", 33.9425, "ground")), 3, 0));
        assertEquals("aircraft:snapshot", root.get("type").asText());
        JsonNode data = root.get("data");
        assertEquals(1, data.get("count").asInt());
        assertEquals("ground", data.get("aircraft").get(0).get("alt_baro").asText());
        assertEquals("A1B2C3", data.get("aircraft").get(0).get("hex").asText());
        assertEquals("1970-01-01T00:00:00.000Z", data.get("timestamp").asText());
    }
}
