package io.skyspy.actors.aircraft;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the aircraft database knows about one airframe. Unknown text is null, an unknown year null.
 *
 * @param icaoHex ICAO address, six upper-case hex digits
 * @param registration tail number, e.g. {@code N8710M}
 * @param typeCode ICAO type designator, e.g. {@code B38M}
 * @param description make and model in words, e.g. {@code BOEING 737 MAX 8}
 * @param operator owner or operator
 * @param year year of manufacture
 * @param military listed as military, or its address lies in a military block
 * @param interesting listed as worth watching (tar1090's "interesting" flag)
 * @param pia flies under a privacy ICAO address (FAA PIA), so the registration is not the real one
 * @param ladd on the FAA's limiting-aircraft-data-displayed list
 */
public record AircraftInfo(
        String icaoHex,
        String registration,
        String typeCode,
        String description,
        String operator,
        Integer year,
        boolean military,
        boolean interesting,
        boolean pia,
        boolean ladd) {

    /**
     * The body of an {@code aircraft-info} response: the spec's {@code icao_hex, registration,
     * type_code, operator} followed by {@code description, year, is_military, is_interesting}.
     * Unknown values are present as null, so clients see one shape for every aircraft.
     */
    public Map<String, Object> toResponse() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("icao_hex", icaoHex);
        out.put("registration", registration);
        out.put("type_code", typeCode);
        out.put("operator", operator);
        out.put("description", description);
        out.put("year", year);
        out.put("is_military", military);
        out.put("is_interesting", interesting);
        return out;
    }
}
