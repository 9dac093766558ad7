package io.skyspy.actors.session;

import java.util.Map;
import java.util.Optional;

/** Registration, type and operator of an aircraft, as the {@code aircraft-info} response body. */
@FunctionalInterface
public interface AircraftInfoLookup {
    Optional<Map<String, Object>> info(String hex);
}
