package io.skyspy.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.skyspy.protocol.model.AircraftChanges;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Encoders for the aircraft stream's frames. Each is called once per node per frame and the
 * bytes go to every subscriber, so these are the only aircraft serializers on the hot path.
 *
 * <p>Batch frames end with {@code "seq":S,"count":N,"timestamp":T}: {@code seq} numbers the
 * node's aircraft frames so a client can detect a gap and ask for a snapshot; snapshots carry
 * the {@code seq} they are consistent with.
 */
public final class AircraftFrames {
    public static final String SNAPSHOT = "aircraft:snapshot";
    public static final String UPDATE = "aircraft:update";
    public static final String NEW = "aircraft:new";
    public static final String DELTA = "aircraft:delta";
    public static final String REMOVE = "aircraft:remove";
    public static final String HEARTBEAT = "aircraft:heartbeat";
    public static final String BATCH = "batch";

    private AircraftFrames() {}

    /** {@code aircraft:snapshot} or {@code aircraft:update}: the full list. */
    public static byte[] fullList(String type, Collection<AircraftState> aircraft, long seq, long timestamp) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeObjectFieldStart("data");
            g.writeArrayFieldStart("aircraft");
            for (AircraftState s : aircraft) {
                writeState(g, s);
            }
            g.writeEndArray();
            g.writeNumberField("count", aircraft.size());
            g.writeNumberField("seq", seq);
            g.writeStringField("timestamp", Timestamps.iso(timestamp));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** A batch of {@code aircraft:new}, {@code aircraft:delta} and {@code aircraft:remove}, in order. */
    public static byte[] batch(List<AircraftEvent> events, long seq, long timestamp) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", BATCH);
            g.writeArrayFieldStart("messages");
            for (AircraftEvent e : events) {
                writeEvent(g, e);
            }
            g.writeEndArray();
            g.writeNumberField("seq", seq);
            g.writeNumberField("count", events.size());
            g.writeStringField("timestamp", Timestamps.iso(timestamp));
            g.writeEndObject();
        });
    }

    /** {@code aircraft:heartbeat}: count and timestamp only. */
    public static byte[] heartbeat(int count, long timestamp) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", HEARTBEAT);
            g.writeObjectFieldStart("data");
            g.writeNumberField("count", count);
            g.writeNumberField("aircraft_count", count);
            g.writeStringField("timestamp", Timestamps.iso(timestamp));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    public static void writeEvent(JsonGenerator g, AircraftEvent e) throws IOException {
        g.writeStartObject();
        if (e instanceof AircraftEvent.New n) {
            g.writeStringField("type", NEW);
            g.writeFieldName("data");
            writeState(g, n.state());
        } else if (e instanceof AircraftEvent.Delta d) {
            g.writeStringField("type", DELTA);
            g.writeObjectFieldStart("data");
            g.writeStringField("hex", d.hex());
            g.writeFieldName("changes");
            writeChanges(g, d.changes());
            g.writeEndObject();
        } else if (e instanceof AircraftEvent.Removed r) {
            g.writeStringField("type", REMOVE);
            g.writeObjectFieldStart("data");
            g.writeStringField("hex", r.hex());
            g.writeStringField("reason", r.reason());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    public static void writeState(JsonGenerator g, AircraftState s) throws IOException {
        g.writeStartObject();
        g.writeStringField("hex", s.hex());
        writeValues(g, s.values());
        g.writeEndObject();
    }

    public static void writeChanges(JsonGenerator g, AircraftChanges c) throws IOException {
        g.writeStartObject();
        writeValues(g, c.values());
        g.writeEndObject();
    }

    private static void writeValues(JsonGenerator g, Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            g.writeFieldName(AircraftField.at(i).json());
            if (v instanceof Integer n) {
                g.writeNumber(n);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Number n) {
                g.writeNumber(n.doubleValue());
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(v.toString());
            }
        }
    }
}
