package io.skyspy.actors.safety;

import java.util.Optional;

/**
 * A safety rule about one aircraft: a pure function of what is known about it now. Rules keep no
 * state; episodes (open, update, end) are {@link Episodes}' business.
 */
@FunctionalInterface
public interface AircraftRule {
    Optional<Finding> evaluate(Observation o);
}
