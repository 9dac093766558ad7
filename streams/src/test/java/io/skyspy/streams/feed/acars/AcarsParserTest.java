package io.skyspy.streams.feed.acars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.skyspy.protocol.acars.AcarsMessage;
import io.skyspy.streams.feed.acars.AcarsParser.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorded acarsdec and dumpvdl2 output of a real station (shared/fixtures/acars). */
class AcarsParserTest {

    static List<String> datagrams(String fixture) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("fixtures").resolve("acars").resolve(fixture);
            if (Files.isRegularFile(p)) {
                return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
            }
        }
        throw new IllegalStateException("no shared/fixtures/acars/" + fixture);
    }

    private static AcarsMessage parsed(String datagram) {
        return assertInstanceOf(Result.Parsed.class, AcarsParser.parse(datagram)).message();
    }

    @Test
    void everyAcarsdecDatagramOfTheRecordingIsAMessage() throws IOException {
        List<String> all = datagrams("raw-acars-messages.jsonl");
        assertEquals(610, all.size());
        assertEquals(610, all.stream().filter(d -> AcarsParser.parse(d) instanceof Result.Parsed).count());
    }

    @Test
    void anAcarsdecMessageKeepsItsFieldsWithTheTailsDotRemoved() {
        AcarsMessage m = parsed("""
                {"freq":130.025,"channel":0,"error":0,"level":-16.5,"timestamp":1769990352.439166,"app":{"name":"acarsdec"},
                 "station_id":"CS-KABQ-ACARS","mode":"2","label":"H1","block_id":"2","ack":false,"tail":".N8560Z",
                 "text":"7T217,8560,B737-800","msgno":"D50A","flight":"WN4899"}""");
        assertEquals(new AcarsMessage(0, 1769990352439L, AcarsMessage.ACARS, 0, "130.025", null, "N8560Z", "WN4899", "H1",
                "2", "D50A", null, "7T217,8560,B737-800", -16.5, "CS-KABQ-ACARS"), m);
    }

    @Test
    void onlyTheVdl2FramesThatCarryAcarsAreMessages() throws IOException {
        List<String> all = datagrams("raw-vdlm2-messages.jsonl");
        assertEquals(399, all.size());
        assertEquals(209, all.stream().filter(d -> AcarsParser.parse(d) instanceof Result.Parsed).count());
        assertEquals(190, all.stream().filter(d -> AcarsParser.parse(d) instanceof Result.Ignored).count());
    }

    @Test
    void aVdl2MessageTakesTheAircraftsAddressAndHzBecomeMhz() throws IOException {
        AcarsMessage m = parsed(datagrams("raw-vdlm2-messages.jsonl").get(0));
        assertEquals(AcarsMessage.VDLM2, m.source());
        assertEquals("136.650", m.frequency());
        assertEquals("ABFDAF", m.icaoHex(), "the downlink's source is the aircraft");
        assertEquals("N8719Q", m.registration());
        assertEquals("WN2340", m.callsign());
        assertEquals("H1", m.label());
        assertEquals("3", m.blockId());
        assertEquals("D09", m.msgNum());
        assertEquals("!", m.ack());
        assertEquals(1769990648949L, m.timestampMillis());
        assertEquals(-16.6, m.signalLevel());
        assertEquals("CS-KABQ-VDLM", m.stationId());
    }

    @Test
    void garbageIsRejectedNeverThrown() {
        for (String bad : new String[] {"", "not json", "[1,2]", "{\"freq\":131.55}", "{\"timestamp\":1.0,\"freq\":1090}",
                "{\"vdl2\":{\"avlc\":{\"acars\":{}},\"freq\":\"x\"}}"}) {
            assertInstanceOf(Result.Rejected.class, AcarsParser.parse(bad), bad);
        }
        assertNull(AcarsParser.frequency(null));
    }
}
