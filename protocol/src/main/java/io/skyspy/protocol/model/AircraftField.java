package io.skyspy.protocol.model;

/**
 * The fields an aircraft carries on the wire, in the order they are written. Field names are the
 * spec's snapshot names, extended with readsb's where the spec has none.
 *
 * <p>A field is {@code tracked} when a change to it is worth an {@code aircraft:delta}; untracked
 * fields (signal strength, for example) change with every message and only travel in snapshots.
 */
public enum AircraftField {
    FLIGHT("flight", Kind.TEXT, true),
    LAT("lat", Kind.DECIMAL, true),
    LON("lon", Kind.DECIMAL, true),
    /** Feet, or the text {@code "ground"} for an aircraft on the ground. */
    ALT_BARO("alt_baro", Kind.ALTITUDE, true),
    ALT_GEOM("alt_geom", Kind.INTEGER, true),
    GS("gs", Kind.DECIMAL, true),
    TRACK("track", Kind.DECIMAL, true),
    BARO_RATE("baro_rate", Kind.INTEGER, true),
    GEOM_RATE("geom_rate", Kind.INTEGER, true),
    SQUAWK("squawk", Kind.TEXT, true),
    EMERGENCY("emergency", Kind.TEXT, true),
    CATEGORY("category", Kind.TEXT, true),
    IS_MILITARY("is_military", Kind.FLAG, true),
    DISTANCE_NM("distance_nm", Kind.DECIMAL, true),
    REGISTRATION("registration", Kind.TEXT, true),
    TYPE_CODE("type_code", Kind.TEXT, true),
    OPERATOR("operator", Kind.TEXT, true),
    DB_FLAGS("dbFlags", Kind.INTEGER, true),
    /** The readsb message type of the newest report ({@code adsb_icao}, {@code mlat}, ...). */
    TYPE("type", Kind.TEXT, false),
    MLAT("mlat", Kind.FLAG, false),
    TISB("tisb", Kind.FLAG, false),
    NIC("nic", Kind.INTEGER, false),
    RSSI("rssi", Kind.DECIMAL, false),
    /** The TCAS resolution advisory text while one is active (readsb {@code acas_ra.advisory}). */
    ACAS_RA("acas_ra", Kind.TEXT, true);

    /** How a field's value is represented: the Java type of the value stored for it. */
    public enum Kind {
        /** {@link String}. */
        TEXT,
        /** {@link Double}. */
        DECIMAL,
        /** {@link Integer}. */
        INTEGER,
        /** {@link Integer} feet or the {@link String} {@code "ground"}. */
        ALTITUDE,
        /** {@link Boolean}. */
        FLAG
    }

    public static final String GROUND = "ground";
    private static final AircraftField[] VALUES = values();
    public static final int COUNT = VALUES.length;

    private final String json;
    private final Kind kind;
    private final boolean tracked;

    AircraftField(String json, Kind kind, boolean tracked) {
        this.json = json;
        this.kind = kind;
        this.tracked = tracked;
    }

    public String json() {
        return json;
    }

    public Kind kind() {
        return kind;
    }

    public boolean tracked() {
        return tracked;
    }

    public static AircraftField at(int ordinal) {
        return VALUES[ordinal];
    }

    /** The field with this JSON name, or null. */
    public static AircraftField byJson(String name) {
        for (AircraftField f : VALUES) {
            if (f.json.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
