package io.skyspy.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyspy.protocol.CborSerializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One observation of one aircraft by one feed: the fields that feed knew, nothing else.
 * Absent fields are null and never erase what another source reported.
 *
 * @param source the feed that produced it (its configured name)
 * @param hex ICAO address, six upper-case hex digits
 * @param receivedAt epoch millis when the feed saw the aircraft last
 * @param positionAt epoch millis of the position in this report, 0 when it has none
 * @param values field values indexed by {@link AircraftField#ordinal()}
 */
public record AircraftReport(
        @JsonProperty("source") String source,
        @JsonProperty("hex") String hex,
        @JsonProperty("receivedAt") long receivedAt,
        @JsonProperty("positionAt") long positionAt,
        @JsonProperty("values") Object[] values)
        implements CborSerializable {

    @JsonCreator
    public AircraftReport {
        Objects.requireNonNull(hex, "hex");
        if (values.length != AircraftField.COUNT) {
            values = Arrays.copyOf(values, AircraftField.COUNT);
        }
    }

    public Object get(AircraftField field) {
        return values[field.ordinal()];
    }

    public boolean hasPosition() {
        return values[AircraftField.LAT.ordinal()] != null && values[AircraftField.LON.ordinal()] != null;
    }

    public static Builder builder(String source, String hex, long receivedAt) {
        return new Builder(source, hex, receivedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AircraftReport r
                && r.hex.equals(hex)
                && r.receivedAt == receivedAt
                && r.positionAt == positionAt
                && Objects.equals(r.source, source)
                && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hex, receivedAt, positionAt) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AircraftReport[").append(source).append(' ').append(hex);
        for (AircraftField f : AircraftField.values()) {
            if (values[f.ordinal()] != null) {
                sb.append(' ').append(f.json()).append('=').append(values[f.ordinal()]);
            }
        }
        return sb.append(']').toString();
    }

    /** Builds a report field by field; parsers use it so a report is never half-initialised. */
    public static final class Builder {
        private final String source;
        private final String hex;
        private final long receivedAt;
        private long positionAt;
        private final Object[] values = new Object[AircraftField.COUNT];

        private Builder(String source, String hex, long receivedAt) {
            this.source = source;
            this.hex = hex;
            this.receivedAt = receivedAt;
        }

        public Builder set(AircraftField field, Object value) {
            values[field.ordinal()] = value;
            return this;
        }

        /** Sets the position and the time it was measured. */
        public Builder position(double lat, double lon, long measuredAt) {
            values[AircraftField.LAT.ordinal()] = lat;
            values[AircraftField.LON.ordinal()] = lon;
            this.positionAt = measuredAt;
            return this;
        }

        public Object get(AircraftField field) {
            return values[field.ordinal()];
        }

        public AircraftReport build() {
            return new AircraftReport(source, hex, receivedAt, positionAt, values.clone());
        }
    }
}
