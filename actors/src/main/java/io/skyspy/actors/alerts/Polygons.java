package io.skyspy.actors.alerts;

import io.skyspy.protocol.model.Geo;

/**
 * Point-in-polygon on latitude/longitude, correct across the antimeridian and for concave shapes.
 *
 * <p>Edges are straight lines in latitude/longitude (fine for fences up to a few hundred nm). Longitudes
 * are unwrapped along the ring, starting from the copy of the first vertex nearest the tested
 * point: a fence over the antimeridian (179°E to 179°W) is one small shape, not one that spans
 * the globe. Then the even-odd ray test. Points on an edge or vertex count as inside. Valid
 * polygons (see {@link #problem}) span less than 180° of longitude and do not enclose a pole.
 */
public final class Polygons {
    private static final double EPS = 1e-9;

    private Polygons() {}

    /** @param lats vertex latitudes and {@code lons} longitudes, ring not closed (first != last) */
    public static boolean contains(double[] lats, double[] lons, double lat, double lon) {
        int n = lats.length;
        double[] xs = unwrap(lons, lon);
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if (onSegment(0, lat, xs[j], lats[j], xs[i], lats[i])) {
                return true;
            }
        }
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            // half-open in latitude, so a ray through a vertex counts it once
            if ((lats[i] > lat) != (lats[j] > lat)) {
                double x = xs[i] + (lat - lats[i]) * (xs[j] - xs[i]) / (lats[j] - lats[i]);
                if (0 < x) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /**
     * What is wrong with a ring as a fence, or null when it is fine: too few distinct points,
     * repeated consecutive points, a pole inside, 180° or more of longitude, self-intersection, no area.
     */
    public static String problem(double[] lats, double[] lons) {
        int n = lats.length;
        if (n < 3) {
            return "a polygon needs at least 3 distinct points";
        }
        double[] xs = unwrap(lons, lons[0]);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            if (Math.abs(lats[i] - lats[j]) < EPS && Math.abs(Geo.normalizeLongitude(lons[i] - lons[j])) < EPS) {
                return "points " + i + " and " + j + " are the same";
            }
        }
        if (Math.abs(closing(lons, xs)) > 1e-6) {
            return "a polygon may not enclose a pole";
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double x : xs) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (max - min >= 180) {
            return "a polygon must span less than 180 degrees of longitude";
        }
        for (int i = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++) {
                int i2 = (i + 1) % n;
                int k2 = (k + 1) % n;
                if (i2 == k || k2 == i) {
                    continue; // adjacent edges share a vertex
                }
                if (segmentsIntersect(xs[i], lats[i], xs[i2], lats[i2], xs[k], lats[k], xs[k2], lats[k2])) {
                    return "edges " + i + " and " + k + " cross: the polygon intersects itself";
                }
            }
        }
        double area = 0;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            area += (xs[j] * lats[i]) - (xs[i] * lats[j]);
        }
        if (Math.abs(area) < 1e-12) {
            return "a polygon must enclose an area";
        }
        return null;
    }

    /** Vertex longitudes as a continuous chain, the first one the copy nearest {@code reference}, relative to it. */
    private static double[] unwrap(double[] lons, double reference) {
        double[] xs = new double[lons.length];
        xs[0] = Geo.normalizeLongitude(lons[0] - reference);
        for (int i = 1; i < lons.length; i++) {
            xs[i] = xs[i - 1] + Geo.normalizeLongitude(lons[i] - lons[i - 1]);
        }
        return xs;
    }

    /** How far the chain is from closing on itself: 0 for a ring, ±360 around a pole. */
    private static double closing(double[] lons, double[] xs) {
        int n = lons.length;
        return xs[n - 1] + Geo.normalizeLongitude(lons[0] - lons[n - 1]) - xs[0];
    }

    private static boolean onSegment(double px, double py, double ax, double ay, double bx, double by) {
        double cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
        double len = Math.hypot(bx - ax, by - ay);
        if (Math.abs(cross) > EPS * Math.max(1, len)) {
            return false;
        }
        return px >= Math.min(ax, bx) - EPS && px <= Math.max(ax, bx) + EPS
                && py >= Math.min(ay, by) - EPS && py <= Math.max(ay, by) + EPS;
    }

    private static boolean segmentsIntersect(double ax, double ay, double bx, double by, double cx, double cy, double dx,
            double dy) {
        double d1 = orient(cx, cy, dx, dy, ax, ay);
        double d2 = orient(cx, cy, dx, dy, bx, by);
        double d3 = orient(ax, ay, bx, by, cx, cy);
        double d4 = orient(ax, ay, bx, by, dx, dy);
        if (((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS))) {
            return true;
        }
        return (Math.abs(d1) <= EPS && onSegment(ax, ay, cx, cy, dx, dy))
                || (Math.abs(d2) <= EPS && onSegment(bx, by, cx, cy, dx, dy))
                || (Math.abs(d3) <= EPS && onSegment(cx, cy, ax, ay, bx, by))
                || (Math.abs(d4) <= EPS && onSegment(dx, dy, ax, ay, bx, by));
    }

    private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }
}
