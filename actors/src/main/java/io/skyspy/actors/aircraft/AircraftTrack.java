package io.skyspy.actors.aircraft;

import io.skyspy.protocol.model.AircraftState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few positions of one aircraft, oldest first, at most one per {@code minSpacingMillis}
 * so a chatty feed does not crowd out the history.
 */
public final class AircraftTrack {
    /** One remembered position. */
    public record Point(long time, double lat, double lon, Integer altitude, Double track, Double gs) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timestamp", io.skyspy.protocol.Timestamps.iso(time));
            m.put("lat", lat);
            m.put("lon", lon);
            m.put("alt", altitude);
            m.put("track", track);
            m.put("gs", gs);
            return m;
        }
    }

    private final int capacity;
    private final long minSpacingMillis;
    private final ArrayDeque<Point> points;

    public AircraftTrack(int capacity, long minSpacingMillis) {
        this.capacity = capacity;
        this.minSpacingMillis = minSpacingMillis;
        this.points = new ArrayDeque<>(capacity);
    }

    public void add(AircraftState s) {
        if (!s.hasPosition() || capacity == 0) {
            return;
        }
        Point last = points.peekLast();
        if (last != null && s.positionAt() - last.time() < minSpacingMillis) {
            return;
        }
        if (points.size() == capacity) {
            points.removeFirst();
        }
        points.addLast(new Point(s.positionAt(), s.decimal(io.skyspy.protocol.model.AircraftField.LAT),
                s.decimal(io.skyspy.protocol.model.AircraftField.LON), s.altitudeFt(),
                s.decimal(io.skyspy.protocol.model.AircraftField.TRACK), s.decimal(io.skyspy.protocol.model.AircraftField.GS)));
    }

    public List<Point> points() {
        return new ArrayList<>(points);
    }

    public int size() {
        return points.size();
    }
}
