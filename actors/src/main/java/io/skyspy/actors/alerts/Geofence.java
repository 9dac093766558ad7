package io.skyspy.actors.alerts;

import io.skyspy.protocol.model.Geo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An area an alert rule watches: a circle (centre and radius) or a polygon. Entry and exit are
 * crossings of its boundary; a point on the boundary is inside.
 */
public sealed interface Geofence {

    /** Stable within the rule: the user's {@code id}, else {@code rule-<id>-fence-<n>}. */
    String id();

    String name();

    boolean contains(double lat, double lon);

    /** The canonical JSON form, as stored and as clients read it back. */
    Map<String, Object> toMap();

    record Circle(String id, String name, double lat, double lon, double radiusNm) implements Geofence {
        @Override
        public boolean contains(double pLat, double pLon) {
            return Geo.distanceNm(lat, lon, pLat, pLon) <= radiusNm;
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shape", "circle");
            m.put("id", id);
            m.put("name", name);
            m.put("lat", lat);
            m.put("lon", lon);
            m.put("radius_nm", radiusNm);
            return m;
        }
    }

    /** @param lats vertex latitudes and {@code lons} longitudes; the ring is not closed (first != last) */
    record Polygon(String id, String name, double[] lats, double[] lons) implements Geofence {
        @Override
        public boolean contains(double lat, double lon) {
            return Polygons.contains(lats, lons, lat, lon);
        }

        @Override
        public Map<String, Object> toMap() {
            List<List<Double>> points = new ArrayList<>();
            for (int i = 0; i < lats.length; i++) {
                points.add(List.of(lats[i], lons[i]));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shape", "polygon");
            m.put("id", id);
            m.put("name", name);
            m.put("points", points);
            return m;
        }
    }
}
