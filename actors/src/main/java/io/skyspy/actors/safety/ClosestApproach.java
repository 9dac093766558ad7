package io.skyspy.actors.safety;

import io.skyspy.protocol.model.Geo;

/**
 * Where two aircraft flying straight at constant speed and vertical rate will be relative to
 * each other over the next seconds. Flat-earth around the pair: at the distances that matter
 * (a few nm) the error is far below what ADS-B positions carry.
 */
public final class ClosestApproach {

    /**
     * One aircraft at one moment.
     *
     * @param altFt feet
     * @param gsKt ground speed, 0 when unknown
     * @param trackDeg true track, 0 when unknown
     * @param vrFpm vertical rate ft/min, 0 when unknown
     */
    public record Mover(String hex, String callsign, double lat, double lon, double altFt, double gsKt, double trackDeg,
            double vrFpm) {}

    /**
     * @param distanceNm horizontal separation now
     * @param altitudeDiffFt vertical separation now
     * @param closureKt rate at which the horizontal separation shrinks now (negative: diverging)
     * @param timeToCpaS seconds to the horizontal closest point of approach, within the horizon
     * @param cpaDistanceNm horizontal separation there
     * @param cpaAltitudeDiffFt vertical separation there
     * @param conflictInS seconds until both separations are first inside the limits, -1 if never within the horizon
     * @param worstDistanceNm the smallest horizontal separation while inside the limits (NaN if never)
     * @param worstAltitudeDiffFt the vertical separation at that moment (NaN if never)
     */
    public record Encounter(double distanceNm, double altitudeDiffFt, double closureKt, double timeToCpaS,
            double cpaDistanceNm, double cpaAltitudeDiffFt, double conflictInS, double worstDistanceNm,
            double worstAltitudeDiffFt) {

        public boolean conflict() {
            return conflictInS >= 0;
        }
    }

    private ClosestApproach() {}

    /**
     * @param horizonS how far ahead to look
     * @param stepS sampling step for the combined (horizontal and vertical) check
     */
    public static Encounter of(Mover a, Mover b, double horizontalNm, double verticalFt, double horizonS, double stepS) {
        double meanLat = Math.toRadians((a.lat() + b.lat()) / 2);
        double px = Geo.normalizeLongitude(b.lon() - a.lon()) * 60.0 * Math.cos(meanLat);
        double py = (b.lat() - a.lat()) * 60.0;
        double vx = (vx(b) - vx(a)) / 3600.0; // nm per second
        double vy = (vy(b) - vy(a)) / 3600.0;
        double pz = b.altFt() - a.altFt();
        double vz = (b.vrFpm() - a.vrFpm()) / 60.0; // ft per second

        double distance = Math.hypot(px, py);
        double v2 = vx * vx + vy * vy;
        double tCpa = v2 < 1e-12 ? 0 : Math.max(0, Math.min(horizonS, -(px * vx + py * vy) / v2));
        double closure = distance < 1e-9 ? 0 : -(px * vx + py * vy) / distance * 3600.0;

        double conflictIn = -1;
        double worstH = Double.NaN;
        double worstV = Double.NaN;
        int samples = (int) Math.ceil(horizonS / stepS);
        for (int i = 0; i <= samples + 1; i++) {
            // the exact CPA moment is sampled too, so a fast crossing between two steps is not missed
            double t = i <= samples ? Math.min(horizonS, i * stepS) : tCpa;
            double h = Math.hypot(px + vx * t, py + vy * t);
            double v = Math.abs(pz + vz * t);
            if (h <= horizontalNm && v <= verticalFt) {
                if (conflictIn < 0 || t < conflictIn) {
                    conflictIn = t;
                }
                if (Double.isNaN(worstH) || h < worstH) {
                    worstH = h;
                    worstV = v;
                }
            }
        }
        return new Encounter(distance, Math.abs(pz), closure, tCpa, Math.hypot(px + vx * tCpa, py + vy * tCpa),
                Math.abs(pz + vz * tCpa), conflictIn, worstH, worstV);
    }

    private static double vx(Mover m) {
        return m.gsKt() * Math.sin(Math.toRadians(m.trackDeg()));
    }

    private static double vy(Mover m) {
        return m.gsKt() * Math.cos(Math.toRadians(m.trackDeg()));
    }
}
