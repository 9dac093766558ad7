package io.skyspy.actors.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Point-in-polygon edge cases: the antimeridian, concave shapes, boundaries, vertices, and invalid rings. */
class PolygonsTest {
    private static boolean in(double[][] ring, double lat, double lon) {
        double[] lats = new double[ring.length];
        double[] lons = new double[ring.length];
        for (int i = 0; i < ring.length; i++) {
            lats[i] = ring[i][0];
            lons[i] = ring[i][1];
        }
        return Polygons.contains(lats, lons, lat, lon);
    }

    private static String problem(double[][] ring) {
        double[] lats = new double[ring.length];
        double[] lons = new double[ring.length];
        for (int i = 0; i < ring.length; i++) {
            lats[i] = ring[i][0];
            lons[i] = ring[i][1];
        }
        return Polygons.problem(lats, lons);
    }

    private static final double[][] SQUARE = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    /** A "U": the notch between the arms (lat 0.4..1, lon 0.3..0.7) is outside. */
    private static final double[][] U = {{0, 0}, {0, 1}, {1, 1}, {1, 0.7}, {0.4, 0.7}, {0.4, 0.3}, {1, 0.3}, {1, 0}};
    /** 2° wide across the antimeridian: 179°E to 179°W. */
    private static final double[][] ANTIMERIDIAN = {{-1, 179}, {-1, -179}, {1, -179}, {1, 179}};

    @Test
    void aSquare() {
        assertTrue(in(SQUARE, 0.5, 0.5));
        assertFalse(in(SQUARE, 1.5, 0.5));
        assertFalse(in(SQUARE, 0.5, -0.0001));
        assertNull(problem(SQUARE));
    }

    @Test
    void concaveShapesLeaveTheirNotchOutside() {
        assertTrue(in(U, 0.2, 0.5), "the base");
        assertTrue(in(U, 0.8, 0.15), "the left arm");
        assertTrue(in(U, 0.8, 0.85), "the right arm");
        assertFalse(in(U, 0.8, 0.5), "the notch");
        assertFalse(in(U, 0.41, 0.5), "just inside the notch");
        assertTrue(in(U, 0.39, 0.5), "just below the notch");
        assertNull(problem(U));
    }

    @Test
    void acrossTheAntimeridianItIsOneSmallShape() {
        assertTrue(in(ANTIMERIDIAN, 0, 179.5));
        assertTrue(in(ANTIMERIDIAN, 0, -179.5));
        assertTrue(in(ANTIMERIDIAN, 0, 180));
        assertTrue(in(ANTIMERIDIAN, 0, -180));
        assertFalse(in(ANTIMERIDIAN, 0, 178.9));
        assertFalse(in(ANTIMERIDIAN, 0, -178.9));
        assertFalse(in(ANTIMERIDIAN, 0, 0), "not the rest of the globe");
        assertFalse(in(ANTIMERIDIAN, 0, 1));
        assertNull(problem(ANTIMERIDIAN));
    }

    @Test
    void edgesAndVerticesAreInsideAndRaysThroughVerticesCountOnce() {
        assertTrue(in(SQUARE, 0, 0.5), "on an edge");
        assertTrue(in(SQUARE, 1, 1), "on a vertex");
        assertTrue(in(ANTIMERIDIAN, 1, -179.5), "on an edge across the antimeridian");
        double[][] diamond = {{0, 1}, {1, 2}, {2, 1}, {1, 0}};
        assertTrue(in(diamond, 1, 1), "the ray passes through the vertex (1, 2)");
        assertFalse(in(diamond, 1, -0.5), "the ray passes through both side vertices");
        assertFalse(in(diamond, 2, 0.5), "level with the top vertex, outside");
    }

    @Test
    void invalidRingsAreNamed() {
        assertTrue(problem(new double[][] {{0, 0}, {0, 1}}).contains("at least 3"));
        assertTrue(problem(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}).contains("intersects itself"), "a bow tie");
        assertTrue(problem(new double[][] {{0, 0}, {0, 0}, {1, 1}, {1, 0}}).contains("the same"));
        assertTrue(problem(new double[][] {{0, 0}, {0, 1}, {0, 2}}).contains("area"), "collinear");
        assertTrue(problem(new double[][] {{80, 0}, {80, 120}, {80, -120}}).contains("pole"));
        assertNull(problem(new double[][] {{0, -100}, {0, 100}, {10, 100}, {10, -100}}),
                "each edge takes the short way: 160° across the antimeridian");
        assertTrue(problem(new double[][] {{0, 0}, {0, 100}, {0, -160}, {10, -160}, {10, 100}, {10, 0}}).contains("less than 180"),
                "200° of longitude is refused");
    }
}
