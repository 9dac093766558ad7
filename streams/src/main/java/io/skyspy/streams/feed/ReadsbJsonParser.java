package io.skyspy.streams.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses readsb / dump1090 aircraft JSON: a whole {@code aircraft.json} document, or one line of
 * readsb's {@code --net-json-port} stream (one aircraft object per line carrying its own {@code now}).
 *
 * <p>A field with the wrong JSON type rejects its aircraft: a receiver that writes a string where a
 * number belongs is broken, and guessing would put invented values on the map. Fields this parser
 * does not use are never looked at, so readsb additions cannot break it.
 */
public final class ReadsbJsonParser {
    private static final int MAX_TEXT = 100;

    /**
     * One parsed document.
     *
     * @param aircraft one {@link ParseResult.Parsed} or {@link ParseResult.Rejected} per aircraft entry
     * @param failure why the document as a whole was unusable, or null
     */
    public record ParsedDocument(List<ParseResult> aircraft, String failure) {
        public ParsedDocument {
            aircraft = List.copyOf(aircraft);
        }

        static ParsedDocument failed(String failure) {
            return new ParsedDocument(List.of(), failure);
        }

        public boolean ok() {
            return failure == null;
        }

        /** The reports that parsed, before validation. */
        public List<AircraftReport> reports() {
            List<AircraftReport> reports = new ArrayList<>(aircraft.size());
            for (ParseResult r : aircraft) {
                if (r instanceof ParseResult.Parsed p) {
                    reports.add(p.report());
                }
            }
            return reports;
        }
    }

    // Trailing tokens mean a concatenated or corrupted document, not a valid one with junk after it.
    private static final ObjectReader READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String source;
    private final Clock clock;

    public ReadsbJsonParser(String source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Parses a whole {@code aircraft.json}. A truncated or malformed document yields no aircraft. */
    public ParsedDocument parseDocument(byte[] json) {
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (IOException e) {
            return ParsedDocument.failed("malformed JSON: " + describe(e));
        }
        if (root == null || !root.isObject()) {
            return ParsedDocument.failed("document is not a JSON object");
        }
        double now;
        try {
            now = now(root, clock.millis() / 1000.0);
        } catch (FieldRejected e) {
            return ParsedDocument.failed(e.getMessage());
        }
        JsonNode list = root.get("aircraft");
        if (list == null || !list.isArray()) {
            return ParsedDocument.failed("document has no aircraft array");
        }
        List<ParseResult> results = new ArrayList<>(list.size());
        for (JsonNode aircraft : list) {
            results.add(aircraft(aircraft, now));
        }
        return new ParsedDocument(results, null);
    }

    /** Parses one line of readsb's TCP JSON stream. */
    public ParseResult parseLine(String line) {
        if (line == null || line.isBlank()) {
            return ParseResult.IGNORED;
        }
        JsonNode node;
        try {
            node = READER.readTree(line);
        } catch (IOException e) {
            return ParseResult.rejected("malformed JSON: " + describe(e));
        }
        return aircraft(node, clock.millis() / 1000.0);
    }

    private ParseResult aircraft(JsonNode a, double fallbackNow) {
        if (a == null || !a.isObject()) {
            return ParseResult.rejected("aircraft entry is not a JSON object");
        }
        try {
            return ParseResult.parsed(report(a, now(a, fallbackNow)));
        } catch (FieldRejected e) {
            return ParseResult.rejected(e.getMessage());
        }
    }

    private AircraftReport report(JsonNode a, double now) throws FieldRejected {
        String hex = hex(text(a, "hex", 16));
        Double seen = decimal(a, "seen");
        AircraftReport.Builder b =
                AircraftReport.builder(source, hex, millis(now - (seen == null ? 0 : seen)));

        String flight = text(a, "flight", MAX_TEXT);
        if (flight != null && !flight.isEmpty()) {
            b.set(AircraftField.FLIGHT, flight); // text() already stripped the space padding
        }
        b.set(AircraftField.ALT_BARO, baroAltitude(a));
        b.set(AircraftField.ALT_GEOM, integer(a, "alt_geom"));
        b.set(AircraftField.GS, decimal(a, "gs"));
        b.set(AircraftField.TRACK, decimal(a, "track"));
        b.set(AircraftField.BARO_RATE, integer(a, "baro_rate"));
        b.set(AircraftField.GEOM_RATE, integer(a, "geom_rate"));
        b.set(AircraftField.SQUAWK, nonEmpty(text(a, "squawk", MAX_TEXT)));
        String emergency = nonEmpty(text(a, "emergency", MAX_TEXT));
        if (emergency != null && !emergency.equals("none")) {
            b.set(AircraftField.EMERGENCY, emergency);
        }
        b.set(AircraftField.CATEGORY, nonEmpty(text(a, "category", MAX_TEXT)));
        b.set(AircraftField.NIC, integer(a, "nic"));
        b.set(AircraftField.RSSI, decimal(a, "rssi"));
        String type = nonEmpty(text(a, "type", MAX_TEXT));
        b.set(AircraftField.TYPE, type);
        Integer dbFlags = integer(a, "dbFlags");
        b.set(AircraftField.DB_FLAGS, dbFlags);
        if (dbFlags != null && (dbFlags & 1) != 0) {
            // Only ever true: readsb's "not military" just means its database has no entry.
            b.set(AircraftField.IS_MILITARY, Boolean.TRUE);
        }
        b.set(AircraftField.REGISTRATION, nonEmpty(text(a, "r", MAX_TEXT)));
        b.set(AircraftField.TYPE_CODE, nonEmpty(text(a, "t", MAX_TEXT)));
        b.set(AircraftField.OPERATOR, nonEmpty(text(a, "ownOp", MAX_TEXT)));
        b.set(AircraftField.ACAS_RA, advisory(a));
        b.set(AircraftField.MLAT, derivedFrom(a, "mlat", type, type != null && type.equals("mlat")));
        b.set(AircraftField.TISB, derivedFrom(a, "tisb", type, type != null && type.startsWith("tisb")));

        Double lat = decimal(a, "lat");
        Double lon = decimal(a, "lon");
        if ((lat == null) != (lon == null)) {
            throw new FieldRejected("lat and lon must come together");
        }
        if (lat != null) {
            Double seenPos = decimal(a, "seen_pos");
            double age = seenPos != null ? seenPos : seen != null ? seen : 0;
            b.position(lat, lon, millis(now - age));
        }
        return b.build();
    }

    private static double now(JsonNode node, double fallback) throws FieldRejected {
        Double now = decimal(node, "now");
        return now == null ? fallback : now;
    }

    private static long millis(double epochSeconds) {
        return Math.round(epochSeconds * 1000.0);
    }

    /** readsb writes lower case and marks non-ICAO addresses with {@code ~}; we keep the mark. */
    private static String hex(String raw) throws FieldRejected {
        if (raw == null || raw.isEmpty()) {
            throw new FieldRejected("missing hex");
        }
        return raw.startsWith("~")
                ? "~" + raw.substring(1).toUpperCase(Locale.ROOT)
                : raw.toUpperCase(Locale.ROOT);
    }

    private static Object baroAltitude(JsonNode a) throws FieldRejected {
        JsonNode n = a.get("alt_baro");
        if (n != null && n.isTextual()) {
            if (n.textValue().equals(AircraftField.GROUND)) {
                return AircraftField.GROUND;
            }
            throw new FieldRejected("alt_baro must be a number or \"ground\"");
        }
        return integer(a, "alt_baro");
    }

    private static String advisory(JsonNode a) throws FieldRejected {
        JsonNode ra = a.get("acas_ra");
        if (ra == null || ra.isNull()) {
            return null;
        }
        if (!ra.isObject()) {
            throw new FieldRejected("acas_ra must be an object");
        }
        return nonEmpty(text(ra, "advisory", MAX_TEXT));
    }

    /**
     * readsb lists the fields that came from MLAT / TIS-B; the position is what matters. dump1090-fa
     * has no {@code mlat} type, so the list is its only signal. False when known not to be, null
     * when the receiver said nothing about it.
     */
    private static Boolean derivedFrom(JsonNode a, String listName, String type, boolean byType)
            throws FieldRejected {
        JsonNode list = a.get(listName);
        if (list != null && !list.isNull() && !list.isArray()) {
            throw new FieldRejected(listName + " must be an array");
        }
        if (byType) {
            return Boolean.TRUE;
        }
        if (list != null && list.isArray()) {
            for (JsonNode field : list) {
                if (field.isTextual() && field.textValue().equals("lat")) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        }
        return type != null ? Boolean.FALSE : null;
    }

    private static String text(JsonNode a, String name, int maxLength) throws FieldRejected {
        JsonNode n = a.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new FieldRejected(name + " must be text");
        }
        // Control characters would end up in logs and UIs; values that need them do not exist.
        String value = Texts.clean(n.textValue(), maxLength);
        return value.strip();
    }

    private static String describe(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return Texts.forLog(message, 160);
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Double decimal(JsonNode a, String name) throws FieldRejected {
        JsonNode n = a.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new FieldRejected(name + " must be a number");
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw new FieldRejected(name + " is out of range");
        }
        return v;
    }

    /** readsb writes whole numbers; an integral float (1350.0) is still accepted, 1350.5 is not. */
    private static Integer integer(JsonNode a, String name) throws FieldRejected {
        JsonNode n = a.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new FieldRejected(name + " must be a number");
        }
        if (n.isIntegralNumber()) {
            if (!n.canConvertToInt()) {
                throw new FieldRejected(name + " is out of range");
            }
            return n.intValue();
        }
        double v = n.doubleValue();
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new FieldRejected(name + " must be a whole number");
        }
        return (int) v;
    }
}
