package io.skyspy.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyspy.protocol.CborSerializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changed fields of one aircraft: the body of an {@code aircraft:delta}. Entries are null for
 * fields that did not change; a field is never "changed to unknown".
 */
public record AircraftChanges(@JsonProperty("hex") String hex, @JsonProperty("values") Object[] values)
        implements CborSerializable {

    @JsonCreator
    public AircraftChanges {
        if (values.length != AircraftField.COUNT) {
            values = Arrays.copyOf(values, AircraftField.COUNT);
        }
    }

    public static AircraftChanges none(String hex) {
        return new AircraftChanges(hex, new Object[AircraftField.COUNT]);
    }

    @JsonIgnore
    public boolean isEmpty() {
        for (Object v : values) {
            if (v != null) {
                return false;
            }
        }
        return true;
    }

    public Object get(AircraftField field) {
        return values[field.ordinal()];
    }

    /** These changes followed by {@code later}: later values win. */
    public AircraftChanges then(AircraftChanges later) {
        Object[] merged = values.clone();
        for (int i = 0; i < merged.length; i++) {
            if (later.values[i] != null) {
                merged[i] = later.values[i];
            }
        }
        return new AircraftChanges(hex, merged);
    }

    /** The changes by JSON field name, in wire order; for tests and logs. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (AircraftField f : AircraftField.values()) {
            if (values[f.ordinal()] != null) {
                m.put(f.json(), values[f.ordinal()]);
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AircraftChanges c && c.hex.equals(hex) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return hex.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "AircraftChanges[" + hex + " " + asMap() + "]";
    }
}
