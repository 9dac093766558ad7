package io.skyspy.streams.feed.sim;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;

/**
 * Turns a simulated aircraft into what a readsb receiver would report: rounded the way ADS-B
 * encodes it (25 ft altitude steps, 64 fpm vertical rate steps) and always within the ranges
 * the feed validator accepts.
 */
final class ReportWriter {

    static final String EMERGENCY_SQUAWK = "7700";
    static final String EMERGENCY_GENERAL = "general";
    static final String MESSAGE_TYPE = "adsb_icao";
    private static final Integer MILITARY_FLAGS = 1;

    private ReportWriter() {}

    static AircraftReport report(SimAircraft a, String source, long now, double rssi) {
        Object[] v = new Object[AircraftField.COUNT];
        v[AircraftField.FLIGHT.ordinal()] = a.flight;
        v[AircraftField.LAT.ordinal()] = round(a.lat, 1e5);
        v[AircraftField.LON.ordinal()] = round(a.lon, 1e5);
        double alt = a.onGround ? 0 : a.alt;
        v[AircraftField.ALT_BARO.ordinal()] = a.onGround ? AircraftField.GROUND : (Object) roundTo(alt, 25);
        v[AircraftField.ALT_GEOM.ordinal()] = roundTo(alt + a.geomOffset, 25);
        v[AircraftField.GS.ordinal()] = round(a.gs, 10);
        // 359.96 would round up to 360.0, which is not a track
        double track = round(a.track, 10);
        v[AircraftField.TRACK.ordinal()] = track >= 360.0 ? 0.0 : track;
        v[AircraftField.BARO_RATE.ordinal()] = a.onGround ? 0 : roundTo(a.verticalRate, 64);
        boolean emergency = a.inEmergency();
        v[AircraftField.SQUAWK.ordinal()] = emergency ? EMERGENCY_SQUAWK : a.squawk;
        // like the readsb parser, "none" is left out rather than sent
        v[AircraftField.EMERGENCY.ordinal()] = emergency ? EMERGENCY_GENERAL : null;
        v[AircraftField.CATEGORY.ordinal()] = a.category;
        if (a.military) {
            v[AircraftField.DB_FLAGS.ordinal()] = MILITARY_FLAGS;
            v[AircraftField.IS_MILITARY.ordinal()] = Boolean.TRUE;
        }
        v[AircraftField.TYPE.ordinal()] = MESSAGE_TYPE;
        v[AircraftField.RSSI.ordinal()] = round(rssi, 10);
        return new AircraftReport(source, a.hex, now, now, v);
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    private static Integer roundTo(double value, int step) {
        return (int) Math.round(value / step) * step;
    }
}
