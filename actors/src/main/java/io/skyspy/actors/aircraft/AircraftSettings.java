package io.skyspy.actors.aircraft;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the aircraft entities, read once from {@code skyspy.aircraft} and {@code skyspy.receiver}.
 *
 * @param removeAfter silence after which an aircraft is removed ({@code aircraft:remove}, reason timeout)
 * @param trackLength positions kept per aircraft
 * @param trackSpacing minimum time between two kept positions
 * @param receiver receiver latitude/longitude for {@code distance_nm}, if configured
 */
public record AircraftSettings(Duration removeAfter, int trackLength, Duration trackSpacing, Optional<double[]> receiver) {

    public static AircraftSettings create(Config config) {
        Config a = config.getConfig("skyspy.aircraft");
        Config r = config.getConfig("skyspy.receiver");
        Optional<double[]> receiver = r.hasPath("lat") && r.hasPath("lon")
                ? Optional.of(new double[] {r.getDouble("lat"), r.getDouble("lon")})
                : Optional.empty();
        return new AircraftSettings(a.getDuration("remove-after"), a.getInt("track-length"),
                a.getDuration("track-spacing"), receiver);
    }

    /** How often an entity checks its own silence: often enough to remove within a quarter of the timeout. */
    public Duration silenceCheck() {
        Duration quarter = removeAfter.dividedBy(4);
        Duration max = Duration.ofSeconds(5);
        return quarter.compareTo(max) > 0 ? max : quarter;
    }
}
