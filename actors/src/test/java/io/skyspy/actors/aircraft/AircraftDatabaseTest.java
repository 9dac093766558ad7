package io.skyspy.actors.aircraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AircraftDatabaseTest {

    private static final String TAR1090 = String.join("\n",
            "a1b2c3;N12345;B738;00;BOEING 737-800;2008;Southwest Airlines",
            "AE1234;05-5140;C17;1;BOEING C-17A GLOBEMASTER III;2005;United States Air Force",
            "A00001;N1;C172;01;CESSNA 172;;",
            "A00002;N2;GLF6;001;GULFSTREAM G650;2014;",
            "A00003;N3;C56X;0001;CESSNA 560XL;not-a-year;Private",
            "A00004;;;;;;",
            "ZZZZZZ;N9;B738;00;BAD HEX;2008;Nobody",
            "A00005;N5;B738;0x;BAD FLAGS;2008;Nobody",
            "A00006",
            "",
            "# a comment",
            "a1b2c3;N54321;B38M;00;BOEING 737 MAX 8;2018;Southwest Airlines");

    private static final String OPENSKY = String.join("\n",
            "\"icao24\",\"registration\",\"manufacturericao\",\"manufacturername\",\"model\",\"typecode\","
                    + "\"serialnumber\",\"operator\",\"operatorcallsign\",\"operatoricao\",\"owner\",\"built\"",
            "\"a1b2c3\",\"N12345\",\"BOEING\",\"Boeing\",\"737-8H4\",\"B738\",\"32483\",\"\",\"SOUTHWEST\",\"SWA\","
                    + "\"Wells Fargo Trust Co, NA Trustee\",\"2008-01-01\"",
            "\"4ca7b5\",\"EI-DPT\",\"BOEING\",\"The Boeing Company\",\"737-8AS\",\"B738\",\"35550\","
                    + "\"Ryanair, \"\"the\"\" low-fare airline\",\"RYANAIR\",\"RYR\",\"\",\"2007\"",
            "\"c0ffee\",\"C-FTST\",\"\",\"\",\"Cessna 172S\",\"C172\",\"\",\"\",\"\",\"\",\"Flying Club\",\"\"",
            "\"3c6444\",\"D-AIBD\",\"AIRBUS\",\"Airbus\",\"A319 112\",\"A319\",\"\",\"Lufthansa\",\"\",\"\",\"\",\"\"",
            "\"zzzzzz\",\"N0\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"",
            "\"abc123\",\"too\",\"few\"",
            "\"ae0001\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"");

    @TempDir
    Path dir;

    @Test
    void readsTar1090() throws IOException {
        AircraftDatabase db = AircraftDatabase.load(write("aircraft.csv", TAR1090));
        assertEquals(6, db.size(), "a1b2c3 twice counts once");
        assertEquals(3, db.skippedRows(), "bad hex, bad flags, too few fields; blank lines and comments are not rows");

        AircraftInfo swa = db.lookup("A1B2C3").orElseThrow();
        // the last row for an address wins
        assertEquals(new AircraftInfo("A1B2C3", "N54321", "B38M", "BOEING 737 MAX 8", "Southwest Airlines", 2018,
                false, false, false, false), swa);
        AircraftInfo empty = db.lookup("A00004").orElseThrow();
        assertEquals(new AircraftInfo("A00004", null, null, null, null, null, false, false, false, false), empty);
        assertNull(db.lookup("A00003").orElseThrow().year(), "an unreadable year is unknown, the row is kept");
    }

    @Test
    void flagCharacterJIsBitJ() throws IOException {
        AircraftDatabase db = AircraftDatabase.load(write("aircraft.csv", TAR1090));
        AircraftInfo military = db.lookup("AE1234").orElseThrow();
        assertTrue(military.military());
        assertFalse(military.interesting());
        AircraftInfo interesting = db.lookup("A00001").orElseThrow();
        assertFalse(interesting.military());
        assertTrue(interesting.interesting());
        assertTrue(db.lookup("A00002").orElseThrow().pia());
        assertFalse(db.lookup("A00002").orElseThrow().ladd());
        assertTrue(db.lookup("A00003").orElseThrow().ladd());
        assertFalse(db.lookup("A00003").orElseThrow().pia());
    }

    @Test
    void lookupIsCaseInsensitiveAndIgnoresNonIcaoAddresses() throws IOException {
        AircraftDatabase db = AircraftDatabase.load(write("aircraft.csv", TAR1090));
        assertEquals(db.lookup("A1B2C3"), db.lookup("a1b2c3"));
        assertEquals(db.lookup("A1B2C3"), db.lookup(" a1B2c3 "));
        assertEquals(db.lookup("A1B2C3"), db.lookup(0xA1B2C3));
        assertTrue(db.lookup("a1b2c3").isPresent());
        assertTrue(db.lookup("~a1b2c3").isEmpty());
        assertTrue(db.lookup("A1B2C").isEmpty());
        assertTrue(db.lookup("G1B2C3").isEmpty());
        assertTrue(db.lookup((String) null).isEmpty());
        assertTrue(db.lookup("A1B2C4").isEmpty());
    }

    @Test
    void readsGzipByMagicBytesNotByName() throws IOException {
        Path gz = dir.resolve("aircraft.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TAR1090.getBytes(StandardCharsets.UTF_8));
        }
        AircraftDatabase db = AircraftDatabase.load(gz);
        assertEquals(6, db.size());
        assertEquals("N54321", db.lookup("a1b2c3").orElseThrow().registration());

        Path named = dir.resolve("opensky.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(named))) {
            out.write(OPENSKY.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("EI-DPT", AircraftDatabase.load(named).lookup("4CA7B5").orElseThrow().registration());
    }

    @Test
    void readsOpenSkyWithQuotedCommas() throws IOException {
        AircraftDatabase db = AircraftDatabase.load(write("aircraftDatabase.csv", OPENSKY));
        assertEquals(5, db.size());
        assertEquals(2, db.skippedRows(), "bad hex and a short row");

        AircraftInfo swa = db.lookup("A1B2C3").orElseThrow();
        assertEquals("N12345", swa.registration());
        assertEquals("B738", swa.typeCode());
        assertEquals("Boeing 737-8H4", swa.description());
        assertEquals("Wells Fargo Trust Co, NA Trustee", swa.operator(), "the owner when no operator is given");
        assertEquals(2008, swa.year());

        AircraftInfo ryanair = db.lookup("4ca7b5").orElseThrow();
        assertEquals("Ryanair, \"the\" low-fare airline", ryanair.operator());
        assertEquals("The Boeing Company 737-8AS", ryanair.description());
        assertEquals(2007, ryanair.year());

        assertEquals("Cessna 172S", db.lookup("C0FFEE").orElseThrow().description());
        assertEquals("Lufthansa", db.lookup("3C6444").orElseThrow().operator());
        assertEquals("Airbus A319 112", db.lookup("3C6444").orElseThrow().description());
        // OpenSky has no military flag: the address block decides
        assertTrue(db.lookup("AE0001").orElseThrow().military());
        assertFalse(swa.military());
    }

    @Test
    void readsTheNewerSingleQuotedOpenSkyHeaderAndMultiLineFields() throws IOException {
        String csv = String.join("\n",
                "'icao24','timestamp','built','manufacturerName','model','operator','owner','registration','typecode'",
                "'a1b2c3','2024-01-01','2015-03-02','Airbus','A320 214','Operator, Inc','','N1','A320'",
                "'a1b2c4','2024-01-01','','Boeing','737','O''Hare Air','','N2','B737'",
                "'a1b2c5','2024-01-01','','Boeing','737','Line one",
                "line two','','N3','B737'");
        AircraftDatabase db = AircraftDatabase.load(write("complete.csv", csv));
        assertEquals(3, db.size());
        assertEquals(0, db.skippedRows());
        assertEquals("Operator, Inc", db.lookup("A1B2C3").orElseThrow().operator());
        assertEquals(2015, db.lookup("A1B2C3").orElseThrow().year());
        assertEquals("O'Hare Air", db.lookup("A1B2C4").orElseThrow().operator());
        assertEquals("Line one\nline two", db.lookup("A1B2C5").orElseThrow().operator());
        assertEquals("N3", db.lookup("A1B2C5").orElseThrow().registration());
    }

    @Test
    void splitsCsvFields() {
        assertEquals(List.of("a", "b,c", "", "d\"e"), AircraftDatabase.splitCsv("a,\"b,c\",,\"d\"\"e\"", '"'));
        assertEquals(List.of("", ""), AircraftDatabase.splitCsv(",", '"'));
        assertEquals(List.of("x"), AircraftDatabase.splitCsv("x", '"'));
        assertNull(AircraftDatabase.splitCsv("a,\"open", '"'));
    }

    @Test
    void emptyDatabaseKnowsNothingButMilitaryBlocks() throws IOException {
        AircraftDatabase db = AircraftDatabase.empty();
        assertEquals(0, db.size());
        assertEquals(0, db.skippedRows());
        assertTrue(db.lookup("A1B2C3").isEmpty());
        assertTrue(db.isMilitary("AE1234"));
        assertFalse(db.isMilitary("A1B2C3"));
        assertEquals(0, AircraftDatabase.load(write("empty.csv", "")).size());
    }

    @Test
    void militaryByFlagOrBlock() throws IOException {
        AircraftDatabase db = AircraftDatabase.load(write("aircraft.csv",
                "A1B2C3;N1;B738;1;;;\nAE0002;;;0;;;\nA1B2C4;N2;B738;0;;;"));
        assertTrue(db.isMilitary("a1b2c3"));
        assertTrue(db.isMilitary("AE0002"));
        assertTrue(db.lookup("AE0002").orElseThrow().military(), "its block says so even if its flags do not");
        assertFalse(db.isMilitary("A1B2C4"));
        assertFalse(db.isMilitary("~ae0002"));
    }

    @Test
    void bundledSampleLoads() {
        AircraftDatabase db = AircraftDatabase.loadSample();
        assertTrue(db.size() >= 35, "size " + db.size());
        assertEquals(0, db.skippedRows());
        AircraftInfo lapd = db.lookup("a8b939").orElseThrow();
        assertEquals("N661PD", lapd.registration());
        assertEquals("AS50", lapd.typeCode());
        assertEquals("Los Angeles Police Dept", lapd.operator());
        assertTrue(lapd.interesting());
        AircraftInfo c17 = db.lookup("AE117B").orElseThrow();
        assertTrue(c17.military());
        assertEquals("C17", c17.typeCode());
        assertEquals("B38M", db.lookup("ABFC71").orElseThrow().typeCode());
        long police = Arrays.stream(new String[] {"A8B939", "A8BCF0", "A8C815", "A8D33A", "A1FFB4", "A2036B",
                        "A2CC9E", "A68DEE", "A1F894", "AD3CE5"})
                .filter(h -> db.lookup(h).isPresent())
                .count();
        assertEquals(10, police);
    }

    @Test
    void responseCarriesTheSpecFields() {
        AircraftInfo info = new AircraftInfo("A1B2C3", "N12345", "B738", "BOEING 737-800", "Southwest Airlines", 2008,
                false, true, false, false);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("icao_hex", "A1B2C3");
        expected.put("registration", "N12345");
        expected.put("type_code", "B738");
        expected.put("operator", "Southwest Airlines");
        expected.put("description", "BOEING 737-800");
        expected.put("year", 2008);
        expected.put("is_military", false);
        expected.put("is_interesting", true);
        assertEquals(expected, info.toResponse());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(info.toResponse().keySet()));

        Map<String, Object> unknown = new AircraftInfo("A1B2C3", null, null, null, null, null, false, false, false, false)
                .toResponse();
        assertTrue(unknown.containsKey("registration"));
        assertNull(unknown.get("year"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
