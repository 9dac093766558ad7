package io.skyspy.streams.feed.acars;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.acars.AcarsMessage;
import java.util.Locale;

/**
 * One datagram of acarsdec ({@code -j host:port}) or dumpvdl2 ({@code --output decoded:json:udp})
 * JSON, as acars_router forwards them (FACTS.md 2.4–2.6), into an {@link AcarsMessage}. Never
 * throws: a broken datagram is rejected with a reason, a VDL2 frame without ACARS is ignored.
 */
public final class AcarsParser {

    /** What one datagram was. */
    public sealed interface Result {
        record Parsed(AcarsMessage message) implements Result {}

        /** A VDL2 frame that carries no ACARS (S, U and XID frames, most of them). */
        record Ignored() implements Result {}

        record Rejected(String reason) implements Result {}
    }

    private static final Result IGNORED = new Result.Ignored();

    private AcarsParser() {}

    public static Result parse(String datagram) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(datagram);
        } catch (Exception e) {
            return new Result.Rejected("not JSON");
        }
        if (root == null || !root.isObject()) {
            return new Result.Rejected("not a JSON object");
        }
        JsonNode vdl2 = root.get("vdl2");
        return vdl2 != null && vdl2.isObject() ? vdl2(vdl2) : acarsdec(root);
    }

    private static Result acarsdec(JsonNode m) {
        JsonNode ts = m.get("timestamp");
        String frequency = frequency(m.get("freq"));
        if (ts == null || !ts.isNumber() || frequency == null) {
            return new Result.Rejected("no timestamp or no frequency in 100-200 MHz");
        }
        JsonNode icao = m.get("icao");
        String icaoHex = icao != null && icao.isNumber() ? String.format("%06X", icao.asInt())
                : icao != null && icao.isTextual() ? icao.asText().toUpperCase(Locale.ROOT) : null;
        return new Result.Parsed(new AcarsMessage(0, Math.round(ts.asDouble() * 1000), AcarsMessage.ACARS,
                integer(m.get("channel")), frequency, icaoHex, registration(text(m.get("tail"))), text(m.get("flight")),
                text(m.get("label")), text(m.get("block_id")), text(m.get("msgno")), ack(m.get("ack")), text(m.get("text")),
                decimal(m.get("level")), station(m, m.get("station_id"))));
    }

    private static Result vdl2(JsonNode v) {
        JsonNode avlc = v.path("avlc");
        JsonNode acars = avlc.get("acars");
        if (acars == null || !acars.isObject()) {
            return IGNORED;
        }
        String frequency = frequency(v.get("freq"));
        JsonNode sec = v.path("t").get("sec");
        if (sec == null || !sec.isNumber() || frequency == null) {
            return new Result.Rejected("no time or no frequency in 100-200 MHz");
        }
        long millis = sec.asLong() * 1000 + v.path("t").path("usec").asLong() / 1000;
        // downlinks come from the aircraft, uplinks go to it
        JsonNode aircraft = "Aircraft".equals(avlc.path("src").path("type").asText()) ? avlc.path("src") : avlc.path("dst");
        String icaoHex = "Aircraft".equals(aircraft.path("type").asText()) ? text(aircraft.get("addr")) : null;
        JsonNode msgNum = acars.has("msg_num") ? acars.get("msg_num") : acars.get("msg_no");
        return new Result.Parsed(new AcarsMessage(0, millis, AcarsMessage.VDLM2, integer(v.get("idx")), frequency, icaoHex,
                registration(text(acars.get("reg"))), text(acars.get("flight")), text(acars.get("label")),
                text(acars.get("blk_id")), text(msgNum), ack(acars.get("ack")), text(acars.get("msg_text")),
                decimal(v.get("sig_level")), station(v, v.get("station"))));
    }

    /** MHz with three decimals; dumpvdl2 gives Hz. Null outside the VHF datalink band. */
    static String frequency(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        double f = n.asDouble();
        if (f > 1000) {
            f /= 1e6;
        }
        return f >= 100 && f <= 200 ? String.format(Locale.ROOT, "%.3f", f) : null;
    }

    /** acarsdec pads registrations with a leading dot. */
    private static String registration(String tail) {
        if (tail == null) {
            return null;
        }
        String r = tail.replace(".", "").trim();
        return r.isEmpty() ? null : r;
    }

    private static String ack(JsonNode n) {
        return n == null || n.isBoolean() || n.isNull() ? null : n.asText();
    }

    private static String station(JsonNode m, JsonNode station) {
        String s = text(station);
        return s != null ? s : text(m.path("app").get("name"));
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static Integer integer(JsonNode n) {
        return n != null && n.isIntegralNumber() ? n.asInt() : null;
    }

    private static Double decimal(JsonNode n) {
        return n != null && n.isNumber() ? Math.round(n.asDouble() * 10) / 10.0 : null;
    }
}
