package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SbsParserTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    final SbsParser parser = new SbsParser("sbs-test", Clock.fixed(NOW, ZoneOffset.UTC));
    final ReportValidator validator = new ReportValidator();

    /** A line as dump1090-fa writes it, dates in local time that the parser must not use. */
    static String msg(int type, String hex, String rest) {
        return "MSG," + type + ",1,1," + hex + ",1,2019/12/31,23:59:59.000,2019/12/31,23:59:59.000," + rest;
    }

    AircraftReport parsed(String line) {
        ParseResult r = parser.parse(line);
        ParseResult.Parsed p = assertInstanceOf(ParseResult.Parsed.class, r, () -> "result " + r);
        assertEquals(java.util.Optional.empty(), validator.check(p.report()));
        return p.report();
    }

    /** Hostile lines must end up not accepted, whichever of the parser and the validator stops them. */
    boolean accepted(String line) {
        return parser.parse(line) instanceof ParseResult.Parsed p && validator.check(p.report()).isEmpty();
    }

    @Test
    void type1IdentificationCarriesTheCallsign() {
        AircraftReport r = parsed(msg(1, "4CA2D6", "RYR4TW  ,,,,,,,,,,,0"));
        assertEquals("4CA2D6", r.hex());
        assertEquals("RYR4TW", r.get(AircraftField.FLIGHT));
        assertEquals("sbs-test", r.source());
        assertEquals(NOW.toEpochMilli(), r.receivedAt());
        assertFalse(r.hasPosition());
        assertNull(r.get(AircraftField.ALT_BARO));
    }

    @Test
    void type2SurfacePositionIsOnTheGround() {
        AircraftReport r = parsed(msg(2, "A05940", ",,12.5,270.0,38.85110,-77.03770,,,,,,-1"));
        assertEquals(AircraftField.GROUND, r.get(AircraftField.ALT_BARO));
        assertEquals(12.5, r.get(AircraftField.GS));
        assertEquals(270.0, r.get(AircraftField.TRACK));
        assertEquals(38.8511, r.get(AircraftField.LAT));
        assertEquals(-77.0377, r.get(AircraftField.LON));
        assertEquals(NOW.toEpochMilli(), r.positionAt());
    }

    @Test
    void type3AirbornePosition() {
        AircraftReport r = parsed(msg(3, "a9bb8b", ",32000,,,39.17935,-77.09918,,,0,0,0,0"));
        assertEquals("A9BB8B", r.hex(), "hex is upper-cased");
        assertEquals(32000, r.get(AircraftField.ALT_BARO));
        assertEquals(39.17935, r.get(AircraftField.LAT));
        assertEquals(-77.09918, r.get(AircraftField.LON));
        assertTrue(r.hasPosition());
        assertEquals(NOW.toEpochMilli(), r.positionAt());
    }

    @Test
    void type4Velocity() {
        AircraftReport r = parsed(msg(4, "A1D3EA", ",,420.5,219.6,,,-832,,,,,0"));
        assertEquals(420.5, r.get(AircraftField.GS));
        assertEquals(219.6, r.get(AircraftField.TRACK));
        assertEquals(-832, r.get(AircraftField.BARO_RATE));
        assertFalse(r.hasPosition());
    }

    @Test
    void type5SurveillanceAltitude() {
        assertEquals(41000, parsed(msg(5, "A400B2", ",41000,,,,,,,0,,0,0")).get(AircraftField.ALT_BARO));
    }

    @Test
    void type6SquawkWithEmergencyFlag() {
        AircraftReport hijack = parsed(msg(6, "ABC123", ",,,,,,,7500,0,-1,0,0"));
        assertEquals("7500", hijack.get(AircraftField.SQUAWK));
        assertEquals("unlawful", hijack.get(AircraftField.EMERGENCY));
        assertEquals("nordo", parsed(msg(6, "ABC123", ",,,,,,,7600,0,-1,0,0")).get(AircraftField.EMERGENCY));
        assertEquals("general", parsed(msg(6, "ABC123", ",,,,,,,7700,-1,-1,-1,0")).get(AircraftField.EMERGENCY));
    }

    @Test
    void emergencyNeedsBothFlagAndKnownSquawk() {
        assertNull(parsed(msg(6, "ABC123", ",,,,,,,7700,0,0,0,0")).get(AircraftField.EMERGENCY));
        assertNull(parsed(msg(6, "ABC123", ",,,,,,,1200,0,-1,0,0")).get(AircraftField.EMERGENCY));
        // readsb may write a receiver count into the emergency column
        assertNull(parsed(msg(6, "ABC123", ",,,,,,,7700,0,3,0,0")).get(AircraftField.EMERGENCY));
        assertNull(parsed(msg(3, "ABC123", ",,,,,,,7700,4,12.5,0,0")).get(AircraftField.EMERGENCY));
    }

    @Test
    void type7AirToAirAltitude() {
        assertEquals(12350, parsed(msg(7, "AE04DA", ",12350,,,,,,,,,,")).get(AircraftField.ALT_BARO));
    }

    @Test
    void type8AllCallKeepsTheAircraftAlive() {
        AircraftReport r = parsed(msg(8, "AE04DA", ",,,,,,,,,,,"));
        assertEquals("AE04DA", r.hex());
        assertEquals(NOW.toEpochMilli(), r.receivedAt());
        for (AircraftField f : AircraftField.values()) {
            assertNull(r.get(f), f.json());
        }
    }

    @Test
    void hSuffixIsTheGeometricAltitude() {
        AircraftReport r = parsed(msg(3, "A09A04", ",1250H,,,38.84010,-77.03960,,,,,,0"));
        assertEquals(1250, r.get(AircraftField.ALT_GEOM));
        assertNull(r.get(AircraftField.ALT_BARO));
    }

    @Test
    void groundFlagWinsOverAReportedAltitude() {
        assertEquals(AircraftField.GROUND, parsed(msg(5, "AA59A5", ",25,,,,,,,,,,-1")).get(AircraftField.ALT_BARO));
        assertEquals(25, parsed(msg(5, "AA59A5", ",25,,,,,,,,,,0")).get(AircraftField.ALT_BARO));
    }

    @Test
    void carriageReturnAndExtraFieldsAreTolerated() {
        assertEquals(100, parsed(msg(5, "AE0C36", ",100,,,,,,,,,,0\r")).get(AircraftField.ALT_BARO));
        assertEquals(100, parsed(msg(5, "AE0C36", ",100,,,,,,,,,,0,extra")).get(AircraftField.ALT_BARO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r", "\t"})
    void heartbeatsAreIgnored(String line) {
        assertEquals(ParseResult.IGNORED, parser.parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "STA,,5,179,400AE7,10103,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153,RM",
        "AIR,,333,17,86EB6A,10033,2008/11/28,14:53:50.594,2008/11/28,14:53:50.594",
        "ID,,5,1,4CA2D6,1,2008/11/28,14:53:50.594,2008/11/28,14:53:50.594,RYR4TW",
        "SEL,,496,2286,4CA4E5,27215,2010/02/19,18:06:07.710,2010/02/19,18:06:07.710,RYR1427",
        "CLK,,,,,,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153"
    })
    void otherMessageClassesAreIgnored(String line) {
        assertEquals(ParseResult.IGNORED, parser.parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "garbage",
        "MSG",
        "MSG,3,1,1,ABC123",
        "MSG,3,1,1,ABC123,1,2019/12/31,23:59:59.000,2019/12/31,23:59:59.000,,32000,,,39.1,-77.0,,,,",
        "\u0000\u0001\u0002\u00ff",
        ",,,,,,,,,,,,,,,,,,,,,,",
    })
    void malformedLinesAreRejected(String line) {
        assertInstanceOf(ParseResult.Rejected.class, parser.parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ",FL350,,,,,,,,,,0",            // altitude as text
        ",32000.5,,,,,,,,,,0",          // fractional altitude
        ",,fast,,,,,,,,,0",             // gs
        ",,,north,,,,,,,,0",            // track
        ",,,,39.1,west,,,,,,0",         // lon
        ",,,,NaN,NaN,,,,,,0",           // not finite
        ",,,,Infinity,1.0,,,,,,0",
        ",,,,1e2,1.0,,,,,,0",           // exponent notation is not what receivers write
        ",,,,0x1p3,1.0,,,,,,0",
        ",,,,5d,1.0,,,,,,0",            // Java's parseDouble would take this
        ",,,,39.1,,,,,,,0",             // lat without lon
        ",,,,,,,,,,,yes",               // flag
        ",,,,,,99999999999,,,,,0",      // vrate overflow
        ",99999999999,,,,,,,,,,0",      // altitude overflow
    })
    void nonNumericOrInconsistentValuesAreRejected(String rest) {
        assertInstanceOf(ParseResult.Rejected.class, parser.parse(msg(3, "ABC123", rest)));
    }

    @Test
    void unknownTransmissionTypesAreRejected() {
        assertInstanceOf(ParseResult.Rejected.class, parser.parse(msg(9, "ABC123", ",,,,,,,,,,,")));
        assertInstanceOf(ParseResult.Rejected.class, parser.parse(msg(0, "ABC123", ",,,,,,,,,,,")));
        assertInstanceOf(ParseResult.Rejected.class,
                parser.parse("MSG,x,1,1,ABC123,1,2019/12/31,23:59:59.000,2019/12/31,23:59:59.000,,,,,,,,,,,,"));
    }

    @Test
    void missingHexIsRejected() {
        assertInstanceOf(ParseResult.Rejected.class, parser.parse(msg(3, "  ", ",32000,,,,,,,,,,0")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'; DROP TABLE aircraft;--",
        "<script>alert(1)</script>",
        "${jndi:ldap://x/a}",
        "TOOLONGCALL",
        "AB\u001b[2J",
    })
    void injectionLookingCallsignsAreNotAccepted(String callsign) {
        assertFalse(accepted(msg(1, "ABC123", callsign + ",,,,,,,,,,,0")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZZZZZ", "ABC12", "ABC1234", "AB C12", "../../etc"})
    void badHexIsNotAccepted(String hex) {
        assertFalse(accepted(msg(8, hex, ",,,,,,,,,,,")));
    }

    @Test
    void impossibleValuesAreNotAccepted() {
        assertFalse(accepted(msg(3, "ABC123", ",32000,,,91.0,10.0,,,,,,0")));
        assertFalse(accepted(msg(4, "ABC123", ",,-5,90,,,,,,,,0")));
        assertFalse(accepted(msg(6, "ABC123", ",,,,,,,7800,0,0,0,0")));
    }

    @Test
    void hugeLineIsRejectedQuickly() {
        String huge = "MSG,3," + "9".repeat(1_000_000) + ",1,1,ABC123" + ",".repeat(20);
        assertFalse(accepted(huge));
        assertFalse(accepted("MSG" + ",".repeat(1_000_000)));
        assertFalse(accepted("A".repeat(1_000_000)));
    }
}
