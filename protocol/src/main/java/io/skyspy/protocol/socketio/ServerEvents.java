package io.skyspy.protocol.socketio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a server message of the raw WebSocket API ({@code {"type":T,...}}) into the Socket.IO
 * event that carries it, ready as an Engine.IO message: {@code 42[/ns,]["T",payload]}. The event
 * is named after {@code type}; the payload is {@code data} when the message is exactly
 * {@code {"type":T,"data":D}}, and otherwise the message without {@code type} (a {@code batch}
 * carries its {@code messages}, {@code seq}, {@code count} and {@code timestamp}; a
 * {@code response} its {@code request_id} and {@code data}).
 *
 * <p>Called once per node per broadcast frame, so it copies the payload's bytes as they are
 * instead of parsing and re-serializing the tree: the JSON text the raw API sends and the one
 * Socket.IO clients get are the same bytes.
 */
public final class ServerEvents {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final byte[] FALLBACK_NAME = "\"message\"".getBytes(StandardCharsets.UTF_8);

    private ServerEvents() {}

    /** A top-level field: the byte range of {@code "name":value} and of the value alone. */
    private record Field(String name, int start, int valueStart, int end) {}

    /**
     * @param json one complete server message, UTF-8
     * @param namespace the namespace the event goes to ({@code /} for the main one)
     * @return the Engine.IO message packet, UTF-8
     */
    public static byte[] eventPacket(byte[] json, String namespace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 16 + namespace.length());
        out.write(EnginePacketType.MESSAGE.code());
        out.write(SocketPacketType.EVENT.code());
        if (!SocketPacket.MAIN.equals(namespace)) {
            out.writeBytes(namespace.getBytes(StandardCharsets.UTF_8));
            out.write(',');
        }
        out.write('[');
        List<Field> fields = topLevelFields(json);
        Field type = fields == null ? null : fields.stream().filter(f -> f.name.equals("type")).findFirst().orElse(null);
        if (type == null || json[type.valueStart] != '"') {
            out.writeBytes(FALLBACK_NAME);
            out.write(',');
            out.writeBytes(json);
        } else {
            out.write(json, type.valueStart, type.end - type.valueStart);
            out.write(',');
            Field data = fields.stream().filter(f -> f.name.equals("data")).findFirst().orElse(null);
            if (fields.size() == 2 && data != null) {
                out.write(json, data.valueStart, data.end - data.valueStart);
            } else {
                out.write('{');
                boolean first = true;
                for (Field f : fields) {
                    if (f == type) {
                        continue;
                    }
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    out.write(json, f.start, f.end - f.start);
                }
                out.write('}');
            }
        }
        out.write(']');
        return out.toByteArray();
    }

    /** The top-level fields of a JSON object, or null when the text is not one. */
    private static List<Field> topLevelFields(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<Field> fields = new ArrayList<>();
            String name = null;
            int start = -1;
            int valueStart = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int at = (int) p.currentTokenLocation().getByteOffset();
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT) {
                    if (name != null) {
                        fields.add(new Field(name, start, valueStart, valueEnd(json, valueStart, at)));
                    }
                    if (t == JsonToken.END_OBJECT) {
                        return fields;
                    }
                    name = p.currentName();
                    start = at;
                    t = p.nextToken();
                    valueStart = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Where a value ends: before the comma and whitespace that separate it from the next token at {@code next}. */
    private static int valueEnd(byte[] json, int valueStart, int next) {
        int end = next;
        while (end > valueStart && isSpace(json[end - 1])) {
            end--;
        }
        if (end > valueStart && json[end - 1] == ',') {
            end--;
        }
        while (end > valueStart && isSpace(json[end - 1])) {
            end--;
        }
        return end;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
