package io.skyspy.streams.feed.acars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.acars.AcarsMessage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcarsDeduplicatorTest {

    private static AcarsMessage message(long at, String text) {
        return new AcarsMessage(0, at, AcarsMessage.ACARS, 4, "131.550", null, "N1", "WN1", "H1", "2", "D01", null, text,
                -10.0, "S");
    }

    @Test
    void aCopyWithinTheWindowIsDroppedAfterItIsNew() {
        AcarsDeduplicator d = new AcarsDeduplicator(30_000, 100);
        assertTrue(d.firstSeen(message(1_000, "HELLO"), 1_000));
        assertFalse(d.firstSeen(message(1_000, "HELLO"), 20_000));
        assertTrue(d.firstSeen(message(1_000, "HELLO"), 31_001), "the window has passed");
        assertTrue(d.firstSeen(message(1_000, "OTHER"), 31_001));
    }

    @Test
    void itRemembersNoMoreThanItsCapacity() {
        AcarsDeduplicator d = new AcarsDeduplicator(30_000, 2);
        d.firstSeen(message(1_000, "A"), 1_000);
        d.firstSeen(message(1_000, "B"), 1_000);
        d.firstSeen(message(1_000, "C"), 1_000);
        assertTrue(d.firstSeen(message(1_000, "A"), 1_000), "the oldest was forgotten");
    }

    @Test
    void theRecordingsRepeatsWithinTheWindowAreDropped() throws IOException {
        AcarsDeduplicator d = new AcarsDeduplicator(30_000, 10_000);
        List<String> all = AcarsParserTest.datagrams("raw-acars-messages.jsonl");
        long fresh = all.stream().map(AcarsParser::parse).filter(r -> r instanceof AcarsParser.Result.Parsed)
                .map(r -> ((AcarsParser.Result.Parsed) r).message())
                .filter(m -> d.firstSeen(m, m.timestampMillis())).count();
        assertEquals(all.size() - 23, fresh);
    }
}
