package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadsbJsonParserTest {
    static final Instant CLOCK = Instant.parse("2024-05-01T12:00:00Z");
    static final long FIXTURE_NOW_MS = 1_589_902_035_000L;
    static final ReadsbJsonParser PARSER = new ReadsbJsonParser("readsb-test", Clock.fixed(CLOCK, ZoneOffset.UTC));
    static final ReportValidator VALIDATOR = new ReportValidator();

    static ReadsbJsonParser.ParsedDocument fixture;
    static Map<String, AircraftReport> byHex;

    @BeforeAll
    static void parseFixture() {
        fixture = PARSER.parseDocument(Fixtures.bytes(Fixtures.DC_AIRCRAFT_JSON));
        byHex = fixture.reports().stream().collect(Collectors.toMap(AircraftReport::hex, Function.identity()));
    }

    static ReadsbJsonParser.ParsedDocument doc(String json) {
        return PARSER.parseDocument(json.getBytes(StandardCharsets.UTF_8));
    }

    static AircraftReport line(String json) {
        ParseResult r = PARSER.parseLine(json);
        return assertInstanceOf(ParseResult.Parsed.class, r, () -> "result " + r).report();
    }

    @Test
    void everyFixtureAircraftParsesAndIsValid() {
        assertTrue(fixture.ok());
        assertEquals(36, fixture.aircraft().size());
        assertEquals(36, byHex.size());
        for (AircraftReport r : fixture.reports()) {
            assertEquals(java.util.Optional.empty(), VALIDATOR.check(r), r::toString);
            assertEquals("readsb-test", r.source());
        }
    }

    @Test
    void fullyEquippedAircraftCarriesEveryField() {
        AircraftReport r = byHex.get("A9BB8B");
        assertEquals("N726TM", r.get(AircraftField.FLIGHT), "padding stripped");
        assertEquals(32000, r.get(AircraftField.ALT_BARO));
        assertEquals(33150, r.get(AircraftField.ALT_GEOM));
        assertEquals(329.9, r.get(AircraftField.GS));
        assertEquals(232.0, r.get(AircraftField.TRACK), "an integral track is still a decimal");
        assertEquals(0, r.get(AircraftField.GEOM_RATE));
        assertEquals("2712", r.get(AircraftField.SQUAWK));
        assertNull(r.get(AircraftField.EMERGENCY), "\"none\" is no emergency");
        assertEquals("A1", r.get(AircraftField.CATEGORY));
        assertEquals(39.179352, r.get(AircraftField.LAT));
        assertEquals(-77.099185, r.get(AircraftField.LON));
        assertEquals(8, r.get(AircraftField.NIC));
        assertEquals(-20.5, r.get(AircraftField.RSSI));
        assertEquals(Boolean.FALSE, r.get(AircraftField.MLAT));
        assertEquals(Boolean.FALSE, r.get(AircraftField.TISB));
        assertEquals(FIXTURE_NOW_MS - 100, r.receivedAt(), "now - seen");
        assertEquals(FIXTURE_NOW_MS - 1000, r.positionAt(), "now - seen_pos");
    }

    @Test
    void valuesHaveTheJavaTypeTheirKindSays() {
        for (AircraftReport r : fixture.reports()) {
            for (AircraftField f : AircraftField.values()) {
                Object v = r.get(f);
                if (v == null) {
                    continue;
                }
                Class<?> expected = switch (f.kind()) {
                    case TEXT -> String.class;
                    case DECIMAL -> Double.class;
                    case INTEGER -> Integer.class;
                    case FLAG -> Boolean.class;
                    case ALTITUDE -> v instanceof String ? String.class : Integer.class;
                };
                assertInstanceOf(expected, v, f.json());
            }
        }
    }

    @Test
    void groundAltitudesAreTheTextGround() {
        List<String> onGround = fixture.reports().stream()
                .filter(r -> AircraftField.GROUND.equals(r.get(AircraftField.ALT_BARO)))
                .map(AircraftReport::hex)
                .sorted()
                .toList();
        assertEquals(List.of("A05940", "AA15CC", "AA59A5", "AC9AB0"), onGround);
    }

    @Test
    void helicoptersAreCategoryA7() {
        List<String> helicopters = fixture.reports().stream()
                .filter(r -> "A7".equals(r.get(AircraftField.CATEGORY)))
                .map(AircraftReport::hex)
                .sorted()
                .toList();
        assertEquals(List.of("A09A04", "A47A19", "AC9AB0"), helicopters);
        assertEquals("N138MH", byHex.get("A09A04").get(AircraftField.FLIGHT));
    }

    @Test
    void aircraftWithoutPositionHaveNoPositionTime() {
        List<AircraftReport> noPosition = fixture.reports().stream().filter(r -> !r.hasPosition()).toList();
        assertEquals(20, noPosition.size());
        for (AircraftReport r : noPosition) {
            assertEquals(0, r.positionAt());
            assertNull(r.get(AircraftField.LAT));
            assertNull(r.get(AircraftField.LON));
        }
        AircraftReport silent = byHex.get("A7FAAD"); // only hex, seen, mlat, tisb
        assertEquals(FIXTURE_NOW_MS - 100_100, silent.receivedAt());
    }

    @Test
    void mlatComesFromTheFieldList() {
        assertEquals(Boolean.TRUE, byHex.get("AE0C36").get(AircraftField.MLAT), "lat is in its mlat list");
        assertEquals(Boolean.FALSE, byHex.get("AD0851").get(AircraftField.MLAT), "only nac_v is MLAT");
    }

    @Test
    void groundVehiclesKeepTheirType() {
        AircraftReport r = byHex.get("ADFBE0");
        assertEquals("adsb_icao_nt", r.get(AircraftField.TYPE));
        assertEquals("C0", r.get(AircraftField.CATEGORY));
        assertEquals("TEST1234", r.get(AircraftField.FLIGHT));
    }

    @Test
    void readsbStreamLineWithDatabaseFields() {
        AircraftReport r = line("{\"now\" : 1690000000.123,\"hex\":\"~2a01f0\",\"type\":\"mlat\",\"flight\":\"GAF612  \","
                + "\"r\":\"15+03\",\"t\":\"A400\",\"ownOp\":\"German Air Force\",\"dbFlags\":1,"
                + "\"alt_baro\":31000,\"baro_rate\":-64,\"emergency\":\"general\",\"squawk\":\"7700\","
                + "\"lat\":50.1,\"lon\":8.6,\"seen_pos\":0.5,\"seen\":0.123,"
                + "\"mlat\":[\"lat\",\"lon\"],\"tisb\":[],"
                + "\"acas_ra\":{\"utc\":\"12:00:00.0\",\"advisory\":\"Climb\",\"TTI\":15}}");
        assertEquals("~2A01F0", r.hex(), "non-ICAO mark kept, digits upper-cased");
        assertEquals("GAF612", r.get(AircraftField.FLIGHT));
        assertEquals("15+03", r.get(AircraftField.REGISTRATION));
        assertEquals("A400", r.get(AircraftField.TYPE_CODE));
        assertEquals("German Air Force", r.get(AircraftField.OPERATOR));
        assertEquals(1, r.get(AircraftField.DB_FLAGS));
        assertEquals(Boolean.TRUE, r.get(AircraftField.IS_MILITARY));
        assertEquals(Boolean.TRUE, r.get(AircraftField.MLAT));
        assertEquals(Boolean.FALSE, r.get(AircraftField.TISB));
        assertEquals("general", r.get(AircraftField.EMERGENCY));
        assertEquals("Climb", r.get(AircraftField.ACAS_RA));
        assertEquals(-64, r.get(AircraftField.BARO_RATE));
        assertEquals(1_690_000_000_000L, r.receivedAt());
        assertEquals(1_689_999_999_623L, r.positionAt());
        assertEquals(java.util.Optional.empty(), VALIDATOR.check(r));
    }

    @Test
    void dbFlagsWithoutTheMilitaryBitSayNothingAboutMilitary() {
        AircraftReport r = line("{\"hex\":\"abc123\",\"dbFlags\":10}");
        assertEquals(10, r.get(AircraftField.DB_FLAGS));
        assertNull(r.get(AircraftField.IS_MILITARY));
    }

    @Test
    void mlatAndTisbFromTheMessageType() {
        assertEquals(Boolean.TRUE, line("{\"hex\":\"abc123\",\"type\":\"mlat\"}").get(AircraftField.MLAT));
        AircraftReport tisb = line("{\"hex\":\"abc123\",\"type\":\"tisb_icao\"}");
        assertEquals(Boolean.TRUE, tisb.get(AircraftField.TISB));
        assertEquals(Boolean.FALSE, tisb.get(AircraftField.MLAT));
        assertEquals(Boolean.TRUE, line("{\"hex\":\"abc123\",\"tisb\":[\"lat\",\"lon\"]}").get(AircraftField.TISB));
        assertNull(line("{\"hex\":\"abc123\"}").get(AircraftField.MLAT), "nothing said, nothing known");
    }

    @Test
    void missingNowFallsBackToTheClock() {
        AircraftReport r = line("{\"hex\":\"abc123\",\"seen\":2,\"lat\":1.5,\"lon\":2.5}");
        assertEquals(CLOCK.toEpochMilli() - 2000, r.receivedAt());
        assertEquals(CLOCK.toEpochMilli() - 2000, r.positionAt(), "no seen_pos: the position is as old as seen");
        ReadsbJsonParser.ParsedDocument d = doc("{\"aircraft\":[{\"hex\":\"abc123\"}]}");
        assertEquals(CLOCK.toEpochMilli(), d.reports().get(0).receivedAt());
    }

    @Test
    void emptyFlightIsAbsentAndIntegralFloatsAreIntegers() {
        AircraftReport r = line("{\"hex\":\"abc123\",\"flight\":\"        \",\"alt_baro\":1350.0}");
        assertNull(r.get(AircraftField.FLIGHT));
        assertEquals(1350, r.get(AircraftField.ALT_BARO));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"now\": 1589902035, \"aircraft\": [{\"hex\": \"a9bb8b\", \"alt_baro\": 320",
        "{\"now\": 1589902035, \"aircraft\": [",
        "",
        "   ",
        "[]",
        "42",
        "{\"now\": 1589902035}",
        "{\"now\": 1589902035, \"aircraft\": {}}",
        "{\"now\": \"yesterday\", \"aircraft\": []}",
        "{\"now\": 1, \"aircraft\": []} {\"now\": 2, \"aircraft\": []}",
        "{\"now\": NaN, \"aircraft\": []}",
    })
    void unusableDocumentsFailAsAWhole(String json) {
        ReadsbJsonParser.ParsedDocument d = doc(json);
        assertFalse(d.ok());
        assertTrue(d.aircraft().isEmpty());
    }

    @Test
    void truncatedFixtureFails() {
        byte[] whole = Fixtures.bytes(Fixtures.DC_AIRCRAFT_JSON);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertFalse(PARSER.parseDocument(half).ok());
    }

    @Test
    void wrongTypesRejectOnlyTheirAircraft() {
        ReadsbJsonParser.ParsedDocument d = doc("{\"now\":1589902035,\"aircraft\":["
                + "{\"hex\":\"aaaaaa\",\"lat\":\"38.9\",\"lon\":-77.0},"
                + "{\"hex\":\"bbbbbb\",\"alt_baro\":\"high\"},"
                + "{\"hex\":\"cccccc\",\"squawk\":1200},"
                + "{\"hex\":\"dddddd\",\"alt_baro\":1350.5},"
                + "{\"hex\":\"eeeeee\",\"mlat\":\"lat\"},"
                + "{\"hex\":\"ffffff\",\"acas_ra\":\"Climb\"},"
                + "{\"hex\":42},"
                + "{\"flight\":\"NOHEX\"},"
                + "\"a9bb8b\","
                + "null,"
                + "{\"hex\":\"111111\",\"lat\":38.9},"
                + "{\"hex\":\"222222\",\"alt_geom\":99999999999},"
                + "{\"hex\":\"a9bb8b\",\"alt_baro\":32000}"
                + "]}");
        assertTrue(d.ok());
        assertEquals(13, d.aircraft().size());
        assertEquals(12, d.aircraft().stream().filter(r -> r instanceof ParseResult.Rejected).count());
        assertEquals(List.of("A9BB8B"), d.reports().stream().map(AircraftReport::hex).toList());
    }

    @Test
    void impossibleValuesParseButFailValidation() {
        assertTrue(VALIDATOR.check(line("{\"hex\":\"abc123\",\"lat\":91,\"lon\":0}")).isPresent());
        assertTrue(VALIDATOR.check(line("{\"hex\":\"xyz123\"}")).isPresent());
        assertTrue(VALIDATOR.check(line("{\"hex\":\"abc1234\"}")).isPresent());
        assertTrue(VALIDATOR.check(line("{\"hex\":\"abc123\",\"squawk\":\"7800\"}")).isPresent());
        assertTrue(VALIDATOR.check(line("{\"hex\":\"abc123\",\"emergency\":\"panic\"}")).isPresent());
    }

    @Test
    void streamLinesThatAreNotAircraft() {
        assertEquals(ParseResult.IGNORED, PARSER.parseLine(""));
        assertEquals(ParseResult.IGNORED, PARSER.parseLine("  "));
        assertInstanceOf(ParseResult.Rejected.class, PARSER.parseLine("{\"hex\":"));
        assertInstanceOf(ParseResult.Rejected.class, PARSER.parseLine("MSG,3,1,1,ABC123"));
        assertInstanceOf(ParseResult.Rejected.class, PARSER.parseLine("[1,2,3]"));
        assertInstanceOf(ParseResult.Rejected.class, PARSER.parseLine("{\"hex\":\"abc123\"} trailing"));
        assertInstanceOf(ParseResult.Rejected.class, PARSER.parseLine("{\"now\":\"x\",\"hex\":\"abc123\"}"));
    }

    @Test
    void controlCharactersAreRemovedFromText() {
        AircraftReport r = line("{\"hex\":\"abc123\",\"ownOp\":\"Evil\\u001b[2J Corp\\n\",\"r\":\"N1\\u0000\"}");
        assertEquals("Evil[2J Corp", r.get(AircraftField.OPERATOR));
        assertEquals("N1", r.get(AircraftField.REGISTRATION));
    }
}
