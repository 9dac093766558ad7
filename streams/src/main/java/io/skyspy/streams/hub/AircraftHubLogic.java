package io.skyspy.streams.hub;

import io.skyspy.protocol.AircraftFrames;
import io.skyspy.protocol.Channel;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The aircraft hub's state machine, free of streams so it can be tested with a fake clock:
 * applies events to the node's picture, turns what is due into batch frames (each serialized
 * once, numbered by {@code seq}), and publishes the picture those frames lead to.
 */
public final class AircraftHubLogic {
    private final HubSettings settings;
    private final LongSupplier clock;
    private final Consumer<AircraftPicture> publishPicture;
    private final Map<String, AircraftState> aircraft = new LinkedHashMap<>();
    private final DeltaConflator conflator;
    private long seq;

    public AircraftHubLogic(HubSettings settings, LongSupplier clock, Consumer<AircraftPicture> publishPicture) {
        this.settings = settings;
        this.clock = clock;
        this.publishPicture = publishPicture;
        this.conflator = new DeltaConflator(Math.round(1000.0 / settings.deltaRateHz()));
        publishPicture.accept(new AircraftPicture(0, clock.getAsLong(), List.of()));
    }

    /** Events that arrived within one window; returns the frames to broadcast now. */
    public List<Frame> onEvents(List<AircraftEvent> events) {
        for (AircraftEvent e : events) {
            if (e instanceof AircraftEvent.New n) {
                aircraft.put(n.hex(), n.state());
            } else if (e instanceof AircraftEvent.Delta d) {
                aircraft.put(d.hex(), d.state());
            } else {
                aircraft.remove(e.hex());
            }
            conflator.add(e);
        }
        return flush();
    }

    /** Sends deltas that the rate limit held back; called every window even without new events. */
    public List<Frame> flush() {
        long now = clock.getAsLong();
        List<AircraftEvent> due = conflator.drain(now);
        if (due.isEmpty()) {
            return List.of();
        }
        List<Frame> frames = new ArrayList<>();
        int size = settings.maxBatchSize();
        for (int from = 0; from < due.size(); from += size) {
            encode(due.subList(from, Math.min(due.size(), from + size)), now, frames);
        }
        publishPicture.accept(new AircraftPicture(seq, now, List.copyOf(aircraft.values())));
        return frames;
    }

    private void encode(List<AircraftEvent> chunk, long now, List<Frame> out) {
        byte[] json = AircraftFrames.batch(chunk, seq + 1, now);
        if (json.length > settings.maxBatchBytes() && chunk.size() > 1) {
            int half = chunk.size() / 2;
            encode(chunk.subList(0, half), now, out);
            encode(chunk.subList(half, chunk.size()), now, out);
            return;
        }
        seq++;
        out.add(Frame.of(Channel.AIRCRAFT, Lane.POSITION, seq, json));
    }

    /** {@code aircraft:update}: the full list, for clients that keep no state of their own. */
    public Frame update() {
        return Frame.of(Channel.AIRCRAFT_UPDATES, Lane.POSITION, 0,
                AircraftFrames.fullList(AircraftFrames.UPDATE, aircraft.values(), seq, clock.getAsLong()));
    }

    public Frame heartbeat() {
        return Frame.of(Channel.AIRCRAFT, Lane.POSITION, 0, AircraftFrames.heartbeat(aircraft.size(), clock.getAsLong()));
    }

    public int size() {
        return aircraft.size();
    }
}
