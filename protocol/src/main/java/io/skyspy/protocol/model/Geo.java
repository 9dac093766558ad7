package io.skyspy.protocol.model;

/**
 * Spherical-earth geodesy in the units aviation uses: degrees, nautical miles, true bearings.
 *
 * <p>The radius is the one SkySpy uses for {@code distance_nm} (3440.065 nm), so distances we
 * compute agree with the reference implementation to the rounding it applies. A sphere is off by
 * up to ~0.5 % against WGS84, which is far below what a receiver's coverage circle cares about.
 */
public final class Geo {

    /** Mean earth radius in nautical miles, as SkySpy's {@code haversine} uses it. */
    public static final double EARTH_RADIUS_NM = 3440.065;

    private static final String[] COMPASS_POINTS = {
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
        "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"
    };

    private Geo() {}

    /** A latitude/longitude pair in degrees. */
    public record Point(double lat, double lon) {}

    /** Great-circle distance in nautical miles (haversine, stable for short distances). */
    public static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double sinPhi = Math.sin(dPhi / 2);
        double sinLambda = Math.sin(dLambda / 2);
        double a = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        // rounding can push a a hair above 1 for antipodal points; asin would return NaN
        return 2 * EARTH_RADIUS_NM * Math.asin(Math.sqrt(Math.min(1.0, a)));
    }

    /**
     * Initial true bearing from the first point towards the second, in [0, 360). Coincident points
     * give 0. From a pole the answer is relative to the start longitude's meridian, the usual
     * convention, since every direction from the north pole is south.
     */
    public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dLambda = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        return normalizeDegrees(Math.toDegrees(Math.atan2(y, x)));
    }

    /**
     * The point reached by flying {@code distanceNm} along the great circle that starts at the
     * given point with the given initial bearing. The longitude is normalised into [-180, 180).
     */
    public static Point destination(double lat, double lon, double bearingDeg, double distanceNm) {
        double phi1 = Math.toRadians(lat);
        double lambda1 = Math.toRadians(lon);
        double theta = Math.toRadians(bearingDeg);
        double delta = distanceNm / EARTH_RADIUS_NM;
        double sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
        double phi2 = Math.asin(Math.max(-1.0, Math.min(1.0, sinPhi2)));
        double y = Math.sin(theta) * Math.sin(delta) * Math.cos(phi1);
        double x = Math.cos(delta) - Math.sin(phi1) * sinPhi2;
        double lambda2 = lambda1 + Math.atan2(y, x);
        return new Point(Math.toDegrees(phi2), normalizeLongitude(Math.toDegrees(lambda2)));
    }

    /** The 16-point compass name (N, NNE, NE, ...) of a bearing; each point covers 22.5°. */
    public static String compass(double bearingDeg) {
        int index = (int) Math.floor(normalizeDegrees(bearingDeg) / 22.5 + 0.5);
        return COMPASS_POINTS[index % COMPASS_POINTS.length];
    }

    /** An angle folded into [0, 360). */
    public static double normalizeDegrees(double deg) {
        double d = deg % 360.0;
        if (d < 0) {
            d += 360.0;
        }
        // -1e-15 + 360 rounds to exactly 360.0, which is outside the range
        return d >= 360.0 ? 0.0 : d;
    }

    /** A longitude folded into [-180, 180). */
    public static double normalizeLongitude(double lon) {
        return normalizeDegrees(lon + 180.0) - 180.0;
    }

    /** The signed smallest turn from {@code fromDeg} to {@code toDeg}, in (-180, 180]. */
    public static double turnDeg(double fromDeg, double toDeg) {
        double d = normalizeDegrees(toDeg - fromDeg);
        return d > 180.0 ? d - 360.0 : d;
    }
}
