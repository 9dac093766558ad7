package io.skyspy.streams.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AircraftHubLogicTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicReference<AircraftPicture> picture = new AtomicReference<>();

    private AircraftHubLogic logic(int maxSize, int maxBytes) {
        HubSettings s = new HubSettings(Duration.ofMillis(200), maxSize, maxBytes, 10, Duration.ofSeconds(2), 10,
                Duration.ofSeconds(5), 100);
        return new AircraftHubLogic(s, now::get, picture::set);
    }

    @Test
    void framesAreNumberedAndThePictureCoversThem() throws Exception {
        AircraftHubLogic hub = logic(50, 1 << 20);
        List<Frame> f1 = hub.onEvents(List.of(new AircraftEvent.New(DeltaConflatorTest.state("AAAAAA", 1))));
        assertEquals(1, f1.size());
        assertEquals(1, f1.get(0).seq());
        assertEquals(Lane.POSITION, f1.get(0).lane());
        assertEquals(1, picture.get().seq());
        assertEquals(1, picture.get().aircraft().size());
        now.addAndGet(200);
        List<Frame> f2 = hub.onEvents(List.of(DeltaConflatorTest.delta("AAAAAA", io.skyspy.protocol.model.AircraftField.LAT, 2.0, 2.0)));
        assertEquals(2, f2.get(0).seq());
        JsonNode snap = Json.MAPPER.readTree(picture.get().snapshotFrame().json().toArray());
        assertEquals(2, snap.get("data").get("seq").asInt());
        assertEquals(2.0, snap.get("data").get("aircraft").get(0).get("lat").asDouble());
        assertEquals(Lane.RELIABLE, picture.get().snapshotFrame().lane());
    }

    @Test
    void batchesSplitAtMaxSizeAndMaxBytes() throws Exception {
        AircraftHubLogic hub = logic(50, 1 << 20);
        List<AircraftEvent> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(new AircraftEvent.New(DeltaConflatorTest.state(String.format("%06X", i), i / 10.0)));
        }
        List<Frame> frames = hub.onEvents(events);
        assertEquals(3, frames.size());
        int total = 0;
        for (Frame f : frames) {
            JsonNode n = Json.MAPPER.readTree(f.json().toArray());
            assertEquals(n.get("count").asInt(), n.get("messages").size());
            assertTrue(n.get("count").asInt() <= 50);
            total += n.get("count").asInt();
        }
        assertEquals(120, total);

        AircraftHubLogic small = logic(50, 600);
        for (Frame f : small.onEvents(events.subList(0, 20))) {
            assertTrue(f.json().size() <= 600 || Json.MAPPER.readTree(f.json().toArray()).get("count").asInt() == 1);
        }
    }

    @Test
    void heldBackDeltaLeavesOnALaterFlush() {
        AircraftHubLogic hub = logic(50, 1 << 20);
        hub.onEvents(List.of(DeltaConflatorTest.delta("AAAAAA", io.skyspy.protocol.model.AircraftField.LAT, 1.0, 1.0)));
        now.addAndGet(20);
        assertTrue(hub.onEvents(List.of(DeltaConflatorTest.delta("AAAAAA", io.skyspy.protocol.model.AircraftField.LAT, 2.0, 2.0))).isEmpty());
        now.addAndGet(100);
        assertEquals(1, hub.flush().size());
    }
}
