package io.skyspy.protocol.acars;

import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ACARS or VDL Mode 2 datalink message, normalised from acarsdec or dumpvdl2 JSON and sent
 * to clients as {@code acars:message} (spec 000, "ACARS Consumer"). Fields a decoder did not
 * give are null.
 *
 * @param id numbers the messages of the node that received them
 * @param source {@link #ACARS} or {@link #VDLM2}
 * @param frequency MHz with three decimals, e.g. {@code "131.550"}
 * @param ack the acknowledged block, or null when the message acknowledges nothing
 */
public record AcarsMessage(long id, long timestampMillis, String source, Integer channel, String frequency,
        String icaoHex, String registration, String callsign, String label, String blockId, String msgNum, String ack,
        String text, Double signalLevel, String stationId) implements CborSerializable {

    public static final String ACARS = "ACARS";
    public static final String VDLM2 = "VDLM2";

    public boolean vdlm2() {
        return VDLM2.equals(source);
    }

    public AcarsMessage withId(long newId) {
        return new AcarsMessage(newId, timestampMillis, source, channel, frequency, icaoHex, registration, callsign, label,
                blockId, msgNum, ack, text, signalLevel, stationId);
    }

    /**
     * What makes two copies the same message (two receivers, or acars_router sending it twice):
     * second, aircraft, label, block, number, ack and the text's first 50 characters, as the
     * original's deduplication.
     */
    public String identity() {
        String t = text == null ? "" : text.length() > 50 ? text.substring(0, 50) : text;
        return (timestampMillis / 1000) + ":" + icaoHex + ":" + label + ":" + blockId + ":" + msgNum + ":" + ack + ":" + t;
    }

    /** The spec's {@code data} of {@code acars:message}, in its field order. */
    public Map<String, Object> toSpecMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("timestamp", Timestamps.iso(timestampMillis));
        m.put("source", source);
        m.put("channel", channel);
        m.put("frequency", frequency);
        m.put("icao_hex", icaoHex);
        m.put("registration", registration);
        m.put("callsign", callsign);
        m.put("label", label);
        m.put("block_id", blockId);
        m.put("msg_num", msgNum);
        m.put("text", text);
        m.put("decoded", null);
        m.put("signal_level", signalLevel);
        m.put("station_id", stationId);
        return m;
    }
}
