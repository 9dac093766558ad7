package io.skyspy.streams.feed.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.util.Set;

/** What every simulated report must satisfy for the feed validator and for clients. */
final class ReportChecks {
    private static final Set<String> CATEGORIES = Set.of("A1", "A2", "A3", "A4", "A5", "A7");

    private ReportChecks() {}

    static void assertValid(AircraftReport r) {
        String where = r.toString();
        assertTrue(r.hex().matches("[0-9A-F]{6}"), where);
        assertEquals("sim", r.source(), where);
        assertEquals(r.receivedAt(), r.positionAt(), where);
        double lat = (Double) r.get(AircraftField.LAT);
        double lon = (Double) r.get(AircraftField.LON);
        assertTrue(lat >= -90 && lat <= 90, where);
        assertTrue(lon >= -180 && lon <= 180, where);
        assertEquals(lat, Math.round(lat * 1e5) / 1e5, 0.0, where);
        double gs = (Double) r.get(AircraftField.GS);
        assertTrue(gs >= 0 && gs < 700, where);
        double track = (Double) r.get(AircraftField.TRACK);
        assertTrue(track >= 0 && track < 360, where);
        Object baro = r.get(AircraftField.ALT_BARO);
        if (baro instanceof Integer ft) {
            assertTrue(ft >= -2_000 && ft <= 100_000, where);
        } else {
            assertEquals(AircraftField.GROUND, baro, where);
        }
        int geom = (Integer) r.get(AircraftField.ALT_GEOM);
        assertTrue(geom >= -2_000 && geom <= 100_000, where);
        assertNotNull((Integer) r.get(AircraftField.BARO_RATE), where);
        String flight = (String) r.get(AircraftField.FLIGHT);
        assertTrue(flight.matches("[A-Z0-9]{1,8}"), where);
        assertTrue(((String) r.get(AircraftField.SQUAWK)).matches("[0-7]{4}"), where);
        assertTrue(CATEGORIES.contains((String) r.get(AircraftField.CATEGORY)), where);
        Object emergency = r.get(AircraftField.EMERGENCY);
        assertTrue(emergency == null || emergency.equals("general"), where);
        assertEquals(emergency != null, "7700".equals(r.get(AircraftField.SQUAWK)), where);
        double rssi = (Double) r.get(AircraftField.RSSI);
        assertTrue(rssi < 0 && rssi >= -50, where);
        assertEquals("adsb_icao", r.get(AircraftField.TYPE), where);
        boolean military = Boolean.TRUE.equals(r.get(AircraftField.IS_MILITARY));
        assertEquals(military, Integer.valueOf(1).equals(r.get(AircraftField.DB_FLAGS)), where);
    }
}
