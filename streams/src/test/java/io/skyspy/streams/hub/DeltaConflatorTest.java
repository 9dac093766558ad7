package io.skyspy.streams.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.model.AircraftChanges;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaConflatorTest {
    static AircraftState state(String hex, double lat) {
        Object[] v = new Object[AircraftField.COUNT];
        v[AircraftField.LAT.ordinal()] = lat;
        v[AircraftField.LON.ordinal()] = 1.0;
        return new AircraftState(hex, v, 1, 1);
    }

    static AircraftEvent.Delta delta(String hex, AircraftField f, Object value, double lat) {
        Object[] v = new Object[AircraftField.COUNT];
        v[f.ordinal()] = value;
        return new AircraftEvent.Delta(new AircraftChanges(hex, v), state(hex, lat));
    }

    @Test
    void twoDeltasMergeLaterValuesWin() {
        DeltaConflator c = new DeltaConflator(100);
        c.add(delta("AAAAAA", AircraftField.LAT, 1.0, 1.0));
        c.add(delta("AAAAAA", AircraftField.GS, 300.0, 1.0));
        c.add(delta("AAAAAA", AircraftField.LAT, 2.0, 2.0));
        List<AircraftEvent> out = c.drain(1000);
        assertEquals(1, out.size());
        AircraftEvent.Delta d = assertInstanceOf(AircraftEvent.Delta.class, out.get(0));
        assertEquals(java.util.Map.of("lat", 2.0, "gs", 300.0), d.changes().asMap());
    }

    @Test
    void newThenRemovedWithinOneBatchCancelsOut() {
        DeltaConflator c = new DeltaConflator(100);
        c.add(new AircraftEvent.New(state("AAAAAA", 1)));
        c.add(new AircraftEvent.Removed("AAAAAA", "timeout"));
        assertTrue(c.drain(1000).isEmpty());
    }

    @Test
    void newThenDeltaStaysNewWithLatestState() {
        DeltaConflator c = new DeltaConflator(100);
        c.add(new AircraftEvent.New(state("AAAAAA", 1)));
        c.add(delta("AAAAAA", AircraftField.LAT, 5.0, 5.0));
        AircraftEvent.New n = assertInstanceOf(AircraftEvent.New.class, c.drain(1000).get(0));
        assertEquals(5.0, n.state().get(AircraftField.LAT));
    }

    @Test
    void deltaWithinMinIntervalIsHeldBackThenSent() {
        DeltaConflator c = new DeltaConflator(100); // 10 Hz
        c.add(delta("AAAAAA", AircraftField.LAT, 1.0, 1.0));
        assertEquals(1, c.drain(1000).size());
        c.add(delta("AAAAAA", AircraftField.LAT, 2.0, 2.0));
        assertTrue(c.drain(1050).isEmpty(), "second delta 50 ms later must wait");
        assertEquals(1, c.pendingCount());
        assertEquals(1, c.drain(1100).size());
    }

    @Test
    void atMostTenPerSecondPerAircraftWhateverTheInputRate() {
        DeltaConflator c = new DeltaConflator(100);
        int sent = 0;
        for (long t = 0; t < 1000; t += 10) { // 100 Hz input, drained every 10 ms
            c.add(delta("AAAAAA", AircraftField.LAT, (double) t, t));
            sent += c.drain(t).size();
        }
        assertEquals(10, sent);
    }

    @Test
    void orderOfAircraftIsArrivalOrder() {
        DeltaConflator c = new DeltaConflator(100);
        c.add(new AircraftEvent.New(state("BBBBBB", 1)));
        c.add(new AircraftEvent.New(state("AAAAAA", 1)));
        List<AircraftEvent> out = c.drain(0);
        assertEquals("BBBBBB", out.get(0).hex());
        assertEquals("AAAAAA", out.get(1).hex());
    }
}
