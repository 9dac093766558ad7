package io.skyspy.actors.safety;

import io.skyspy.protocol.safety.SafetyEventTypes;
import io.skyspy.protocol.safety.Severity;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rapid_descent} (medium): descending at least {@code rapid-descent-fpm} while below
 * {@code rapid-descent-floor-ft}, close to the ground with little time left. An aircraft whose
 * altitude is {@code "ground"} is on the ground, never at 0 ft in the air.
 */
public final class RapidDescentRule implements AircraftRule {
    private final SafetySettings.VerticalRate settings;

    public RapidDescentRule(SafetySettings.VerticalRate settings) {
        this.settings = settings;
    }

    @Override
    public Optional<Finding> evaluate(Observation o) {
        Integer vr = o.verticalRate();
        Integer alt = o.state().altitudeFt();
        if (vr == null || alt == null || o.state().onGround() || vr > -settings.rapidDescentFpm()
                || alt >= settings.rapidDescentFloorFt()) {
            return Optional.empty();
        }
        Map<String, Object> details = o.baseDetails();
        details.put("vertical_rate", vr);
        details.put("floor_ft", settings.rapidDescentFloorFt());
        return Optional.of(Finding.single("rapid_descent:" + o.hex(), SafetyEventTypes.RAPID_DESCENT, Severity.MEDIUM,
                o, "Rapid descent below " + settings.rapidDescentFloorFt() + " ft", details,
                settings.clearAfter().toMillis()));
    }
}
