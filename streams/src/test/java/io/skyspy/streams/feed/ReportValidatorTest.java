package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportValidatorTest {
    final ReportValidator validator = new ReportValidator();

    boolean valid(String hex) {
        return validator.check(AircraftReport.builder("t", hex, 1L).build()).isEmpty();
    }

    boolean valid(AircraftField field, Object value) {
        return validator.check(AircraftReport.builder("t", "ABC123", 1L).set(field, value).build()).isEmpty();
    }

    boolean validPosition(double lat, double lon) {
        return validator.check(AircraftReport.builder("t", "ABC123", 1L).position(lat, lon, 1L).build()).isEmpty();
    }

    @Test
    void latitudeBounds() {
        assertTrue(validPosition(90, 0));
        assertTrue(validPosition(-90, 0));
        assertFalse(validPosition(90.000001, 0));
        assertFalse(validPosition(-90.000001, 0));
        assertFalse(validPosition(Double.NaN, 0));
    }

    @Test
    void longitudeBounds() {
        assertTrue(validPosition(0, 180));
        assertTrue(validPosition(0, -180));
        assertFalse(validPosition(0, 180.000001));
        assertFalse(validPosition(0, -180.000001));
        assertFalse(validPosition(0, Double.POSITIVE_INFINITY));
    }

    @Test
    void groundSpeedMayNotBeNegative() {
        assertTrue(valid(AircraftField.GS, 0.0));
        assertTrue(valid(AircraftField.GS, 650.5));
        assertFalse(valid(AircraftField.GS, -0.1));
        assertFalse(valid(AircraftField.GS, Double.NaN));
        assertFalse(valid(AircraftField.GS, Double.POSITIVE_INFINITY));
    }

    @Test
    void trackBounds() {
        assertTrue(valid(AircraftField.TRACK, 0.0));
        assertTrue(valid(AircraftField.TRACK, 360.0));
        assertFalse(valid(AircraftField.TRACK, -0.01));
        assertFalse(valid(AircraftField.TRACK, 360.01));
    }

    @Test
    void altitudeBounds() {
        for (AircraftField f : new AircraftField[] {AircraftField.ALT_BARO, AircraftField.ALT_GEOM}) {
            assertTrue(valid(f, -2000), f.json());
            assertTrue(valid(f, 100_000), f.json());
            assertFalse(valid(f, -2001), f.json());
            assertFalse(valid(f, 100_001), f.json());
        }
        assertTrue(valid(AircraftField.ALT_BARO, AircraftField.GROUND));
        assertFalse(valid(AircraftField.ALT_BARO, "air"));
        assertFalse(valid(AircraftField.ALT_GEOM, AircraftField.GROUND), "only alt_baro may be ground");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000", "7777", "7700", "1200"})
    void octalSquawks(String squawk) {
        assertTrue(valid(AircraftField.SQUAWK, squawk));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8000", "7778", "777", "77777", "12a4", "", " 1200"})
    void nonOctalSquawks(String squawk) {
        assertFalse(valid(AircraftField.SQUAWK, squawk));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC123", "abc123", "000000", "FFFFFF", "~ABC123", "~2a01f0"})
    void validHex(String hex) {
        assertTrue(valid(hex));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC12", "ABC1234", "GBC123", "~~ABC123", "ABC123~", "", " ABC123", "~ABC12"})
    void invalidHex(String hex) {
        assertFalse(valid(hex));
    }

    @Test
    void textFieldsWithAFormat() {
        assertTrue(valid(AircraftField.FLIGHT, "TEST1234"));
        assertFalse(valid(AircraftField.FLIGHT, "TEST12345"));
        assertFalse(valid(AircraftField.FLIGHT, "A;B"));
        assertTrue(valid(AircraftField.CATEGORY, "D7"));
        assertFalse(valid(AircraftField.CATEGORY, "E1"));
        assertFalse(valid(AircraftField.CATEGORY, "A8"));
        assertTrue(valid(AircraftField.EMERGENCY, "minfuel"));
        assertFalse(valid(AircraftField.EMERGENCY, "none"));
    }

    @Test
    void valuesOfTheWrongJavaTypeAreRejected() {
        assertFalse(valid(AircraftField.GS, 300));
        assertFalse(valid(AircraftField.NIC, 8.0));
        assertFalse(valid(AircraftField.MLAT, "true"));
        assertFalse(valid(AircraftField.SQUAWK, 1200));
    }
}
