package io.skyspy.actors.safety;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.model.Geo;
import io.skyspy.protocol.safety.SafetyEventTypes;
import io.skyspy.protocol.safety.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proximity conflicts in the whole picture: pairs of airborne aircraft that are, or within the
 * lookahead will be, closer than the horizontal and vertical limits at the same time.
 *
 * <ul>
 *   <li>Eligible: a fresh position, airborne ({@code "ground"} is not 0 ft), at or above the minimum altitude.
 *   <li>Both are first projected to the scan time, so a position 2 s older than the other's does
 *       not make a 0.25 nm error at airliner speeds.
 *   <li>Excluded: both below the terminal altitude and near the same listed airport (parallel
 *       approaches and departures are separated by procedure, not by these limits). Other pairs
 *       both that low are predicted only a short way ahead: they turn too much for more.
 *   <li>Severity by the tightest separation inside the limits: critical when below both critical
 *       limits, high when below either high limit, else medium.
 * </ul>
 *
 * Candidates come from a sweep over latitude, so a scan costs O(n log n + pairs nearby), not O(n²).
 */
public final class ConflictDetector {
    private final SafetySettings.Conflict s;
    private final double searchNm;

    public ConflictDetector(SafetySettings.Conflict settings) {
        this.s = settings;
        this.searchNm = settings.horizontalNm() + settings.maxClosureKt() * settings.lookahead().toMillis() / 3_600_000.0;
    }

    public static String key(String hexA, String hexB) {
        return hexA.compareTo(hexB) <= 0
                ? SafetyEventTypes.PROXIMITY_CONFLICT + ":" + hexA + ":" + hexB
                : SafetyEventTypes.PROXIMITY_CONFLICT + ":" + hexB + ":" + hexA;
    }

    public List<Finding> scan(Collection<AircraftState> aircraft, long now) {
        List<ClosestApproach.Mover> movers = new ArrayList<>();
        for (AircraftState a : aircraft) {
            ClosestApproach.Mover m = mover(a, now);
            if (m != null) {
                movers.add(m);
            }
        }
        movers.sort(Comparator.comparingDouble(ClosestApproach.Mover::lat));
        double searchLatDeg = searchNm / 60.0;
        double horizonS = s.lookahead().toMillis() / 1000.0;
        double lowLevelHorizonS = Math.min(horizonS, s.lowLevelLookahead().toMillis() / 1000.0);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < movers.size(); i++) {
            ClosestApproach.Mover a = movers.get(i);
            double cosLat = Math.max(0.01, Math.cos(Math.toRadians(a.lat())));
            for (int j = i + 1; j < movers.size(); j++) {
                ClosestApproach.Mover b = movers.get(j);
                if (b.lat() - a.lat() > searchLatDeg) {
                    break;
                }
                if (Math.abs(Geo.normalizeLongitude(b.lon() - a.lon())) * 60.0 * cosLat > searchNm) {
                    continue;
                }
                boolean lowLevel = a.altFt() < s.terminalAltitudeFt() && b.altFt() < s.terminalAltitudeFt();
                double horizon = lowLevel ? lowLevelHorizonS : horizonS;
                double maxVertical = s.verticalFt() + (Math.abs(a.vrFpm()) + Math.abs(b.vrFpm())) / 60.0 * horizon;
                if (Math.abs(a.altFt() - b.altFt()) > maxVertical || (lowLevel && nearSameAirport(a, b))) {
                    continue;
                }
                ClosestApproach.Encounter e = ClosestApproach.of(a, b, s.horizontalNm(), s.verticalFt(), horizon,
                        s.step().toMillis() / 1000.0);
                if (e.conflict()) {
                    out.add(finding(a, b, e));
                }
            }
        }
        return out;
    }

    /** Severity of a separation inside the limits. */
    public Severity severity(double distanceNm, double altitudeDiffFt) {
        if (distanceNm < s.criticalNm() && altitudeDiffFt < s.criticalFt()) {
            return Severity.CRITICAL;
        }
        if (distanceNm < s.highNm() || altitudeDiffFt < s.highFt()) {
            return Severity.HIGH;
        }
        return Severity.MEDIUM;
    }

    private ClosestApproach.Mover mover(AircraftState a, long now) {
        Integer alt = a.altitudeFt();
        if (!a.hasPosition() || a.onGround() || alt == null || alt < s.minAltitudeFt()) {
            return null;
        }
        long age = now - a.positionAt();
        if (a.positionAt() <= 0 || age > s.maxPositionAge().toMillis()) {
            return null;
        }
        double lat = a.decimal(AircraftField.LAT);
        double lon = a.decimal(AircraftField.LON);
        Double gs = a.decimal(AircraftField.GS);
        Double track = a.decimal(AircraftField.TRACK);
        Integer vr = verticalRate(a);
        double dt = Math.max(0, age) / 1000.0;
        if (gs != null && track != null && dt > 0) {
            Geo.Point p = Geo.destination(lat, lon, track, gs * dt / 3600.0);
            lat = p.lat();
            lon = p.lon();
        }
        double altitude = alt + (vr == null ? 0 : vr * dt / 60.0);
        String flight = a.text(AircraftField.FLIGHT);
        return new ClosestApproach.Mover(a.hex(), flight == null || flight.isBlank() ? null : flight.strip(), lat, lon,
                altitude, gs == null || track == null ? 0 : gs, track == null ? 0 : track, vr == null ? 0 : vr);
    }

    private static Integer verticalRate(AircraftState a) {
        Object baro = a.get(AircraftField.BARO_RATE);
        if (baro instanceof Number n) {
            return n.intValue();
        }
        Object geom = a.get(AircraftField.GEOM_RATE);
        return geom instanceof Number n ? n.intValue() : null;
    }

    private boolean nearSameAirport(ClosestApproach.Mover a, ClosestApproach.Mover b) {
        for (SafetySettings.Airport ap : s.airports()) {
            if (Geo.distanceNm(a.lat(), a.lon(), ap.lat(), ap.lon()) <= s.terminalRadiusNm()
                    && Geo.distanceNm(b.lat(), b.lon(), ap.lat(), ap.lon()) <= s.terminalRadiusNm()) {
                return true;
            }
        }
        return false;
    }

    private Finding finding(ClosestApproach.Mover a, ClosestApproach.Mover b, ClosestApproach.Encounter e) {
        // the pair is always named in hex order, so its key, id and fields are the same whoever scans
        ClosestApproach.Mover first = a.hex().compareTo(b.hex()) <= 0 ? a : b;
        ClosestApproach.Mover second = first == a ? b : a;
        boolean predicted = e.conflictInS() > 0;
        Severity severity = severity(e.worstDistanceNm(), e.worstAltitudeDiffFt());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("distance_nm", round(e.distanceNm(), 2));
        d.put("altitude_diff_ft", (int) Math.round(e.altitudeDiffFt()));
        d.put("closure_rate_kt", (int) Math.round(e.closureKt()));
        d.put("predicted", predicted);
        d.put("time_to_conflict_s", (int) Math.round(e.conflictInS()));
        d.put("time_to_cpa_s", (int) Math.round(e.timeToCpaS()));
        d.put("cpa_distance_nm", round(e.cpaDistanceNm(), 2));
        d.put("cpa_altitude_diff_ft", (int) Math.round(e.cpaAltitudeDiffFt()));
        d.put("min_distance_nm", round(e.worstDistanceNm(), 2));
        d.put("aircraft_1", describe(first));
        d.put("aircraft_2", describe(second));
        String names = name(first) + " and " + name(second);
        String message = predicted ? "Predicted proximity conflict between " + names : "Proximity conflict between " + names;
        return new Finding(key(a.hex(), b.hex()), SafetyEventTypes.PROXIMITY_CONFLICT, severity, first.hex(),
                first.callsign(), second.hex(), second.callsign(), message, d, s.clearAfter().toMillis());
    }

    private static String name(ClosestApproach.Mover m) {
        return m.callsign() != null ? m.callsign() : m.hex();
    }

    private static Map<String, Object> describe(ClosestApproach.Mover m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("hex", m.hex());
        d.put("callsign", m.callsign());
        d.put("altitude", (int) Math.round(m.altFt()));
        d.put("lat", round(m.lat(), 5));
        d.put("lon", round(m.lon(), 5));
        d.put("gs", round(m.gsKt(), 1));
        d.put("track", round(m.trackDeg(), 1));
        d.put("vertical_rate", (int) Math.round(m.vrFpm()));
        return d;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
