package io.skyspy.protocol.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeoTest {

    private static final double ONE_DEGREE_NM = Geo.EARTH_RADIUS_NM * Math.PI / 180.0;

    @Test
    void oneDegreeOfLatitudeIsSixtyNauticalMiles() {
        assertEquals(60.04, Geo.distanceNm(10, 20, 11, 20), 0.01);
        assertEquals(ONE_DEGREE_NM, Geo.distanceNm(-45, 7, -46, 7), 1e-9);
    }

    @Test
    void knownCityPairs() {
        // published great-circle distances (WGS84) are 2,145 nm LAX-JFK and 2,999 nm LHR-JFK;
        // the sphere is within half a percent of them
        double laxJfk = Geo.distanceNm(33.9425, -118.4081, 40.6398, -73.7789);
        double lhrJfk = Geo.distanceNm(51.4700, -0.4543, 40.6398, -73.7789);
        assertEquals(2145, laxJfk, 2145 * 0.005);
        assertEquals(2999, lhrJfk, 2999 * 0.005);
        assertEquals(laxJfk, Geo.distanceNm(40.6398, -73.7789, 33.9425, -118.4081), 1e-9);
    }

    @Test
    void samePointIsZero() {
        assertEquals(0.0, Geo.distanceNm(33.9425, -118.4081, 33.9425, -118.4081), 0.0);
        assertEquals(0.0, Geo.bearingDeg(33.9425, -118.4081, 33.9425, -118.4081), 0.0);
    }

    @Test
    void distanceAcrossTheAntimeridianTakesTheShortWay() {
        assertEquals(ONE_DEGREE_NM, Geo.distanceNm(0, 179.5, 0, -179.5), 1e-6);
        assertEquals(90.0, Geo.bearingDeg(0, 179.5, 0, -179.5), 1e-9);
        assertEquals(270.0, Geo.bearingDeg(0, -179.5, 0, 179.5), 1e-9);
    }

    @Test
    void destinationAcrossTheAntimeridianWrapsLongitude() {
        Geo.Point p = Geo.destination(0, 179.5, 90, ONE_DEGREE_NM);
        assertEquals(0.0, p.lat(), 1e-9);
        assertEquals(-179.5, p.lon(), 1e-9);
        Geo.Point back = Geo.destination(p.lat(), p.lon(), 270, ONE_DEGREE_NM);
        assertEquals(179.5, back.lon(), 1e-9);
    }

    @Test
    void poles() {
        assertEquals(180 * ONE_DEGREE_NM, Geo.distanceNm(90, 0, -90, 0), 1e-6);
        // two points at 89°N on opposite meridians are 2° apart over the pole
        assertEquals(2 * ONE_DEGREE_NM, Geo.distanceNm(89, 0, 89, 180), 1e-6);
        assertEquals(0.0, Geo.bearingDeg(89, 0, 89, 180), 1e-9);
        assertEquals(180.0, Geo.bearingDeg(90, 0, 80, 0), 1e-9);
        assertEquals(0.0, Geo.bearingDeg(-90, 0, -80, 0), 1e-9);

        Geo.Point overThePole = Geo.destination(89, 0, 0, 2 * ONE_DEGREE_NM);
        assertEquals(89.0, overThePole.lat(), 1e-9);
        assertEquals(180.0, Math.abs(overThePole.lon()), 1e-9);
        Geo.Point fromSouthPole = Geo.destination(-90, 0, 0, ONE_DEGREE_NM);
        assertEquals(-89.0, fromSouthPole.lat(), 1e-9);
    }

    @Test
    void bearingQuadrants() {
        assertEquals(0.0, Geo.bearingDeg(0, 0, 1, 0), 1e-9);
        assertEquals(90.0, Geo.bearingDeg(0, 0, 0, 1), 1e-9);
        assertEquals(180.0, Geo.bearingDeg(0, 0, -1, 0), 1e-9);
        assertEquals(270.0, Geo.bearingDeg(0, 0, 0, -1), 1e-9);
        assertEquals(45.0, Geo.bearingDeg(0, 0, 0.01, 0.01), 0.01);
        assertEquals(135.0, Geo.bearingDeg(0, 0, -0.01, 0.01), 0.01);
        assertEquals(225.0, Geo.bearingDeg(0, 0, -0.01, -0.01), 0.01);
        assertEquals(315.0, Geo.bearingDeg(0, 0, 0.01, -0.01), 0.01);
    }

    @Test
    void bearingIsAlwaysInRange() {
        for (int i = -720; i <= 720; i += 7) {
            double b = Geo.bearingDeg(33.9, -118.4, 33.9 + Math.sin(Math.toRadians(i)), -118.4 + Math.cos(Math.toRadians(i)));
            assertTrue(b >= 0 && b < 360, "bearing " + b);
        }
    }

    @Test
    void destinationRoundTripsWithDistanceAndBearing() {
        double lat = 33.9425;
        double lon = -118.4081;
        for (int bearing = 0; bearing < 360; bearing += 15) {
            Geo.Point p = Geo.destination(lat, lon, bearing, 42.0);
            assertEquals(42.0, Geo.distanceNm(lat, lon, p.lat(), p.lon()), 1e-6);
            assertEquals(0.0, Geo.turnDeg(bearing, Geo.bearingDeg(lat, lon, p.lat(), p.lon())), 1e-6);
        }
    }

    @Test
    void compassPoints() {
        assertEquals("N", Geo.compass(0));
        assertEquals("N", Geo.compass(11.24));
        assertEquals("NNE", Geo.compass(11.25));
        assertEquals("NE", Geo.compass(45));
        assertEquals("E", Geo.compass(90));
        assertEquals("SSW", Geo.compass(202.5));
        assertEquals("W", Geo.compass(270));
        assertEquals("NNW", Geo.compass(348.74));
        assertEquals("N", Geo.compass(348.75));
        assertEquals("N", Geo.compass(359.99));
        assertEquals("N", Geo.compass(360));
        assertEquals("W", Geo.compass(-90));
    }

    @Test
    void normalisation() {
        assertEquals(0.0, Geo.normalizeDegrees(360), 0.0);
        assertEquals(0.0, Geo.normalizeDegrees(-1e-15), 0.0);
        assertEquals(350.0, Geo.normalizeDegrees(-10), 1e-9);
        assertEquals(10.0, Geo.normalizeDegrees(730), 1e-9);
        assertEquals(-180.0, Geo.normalizeLongitude(180), 1e-9);
        assertEquals(-179.0, Geo.normalizeLongitude(181), 1e-9);
        assertEquals(179.0, Geo.normalizeLongitude(-181), 1e-9);
        assertEquals(-20.0, Geo.turnDeg(10, 350), 1e-9);
        assertEquals(20.0, Geo.turnDeg(350, 10), 1e-9);
        assertEquals(180.0, Geo.turnDeg(0, 180), 1e-9);
    }
}
