package io.skyspy.actors.safety;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.safety.SafetyEventTypes;
import io.skyspy.protocol.safety.Severity;
import java.util.Map;
import java.util.Optional;

/**
 * Emergency squawks (7500, 7600, 7700) and the ADS-B {@code emergency} status, both critical.
 * One episode per aircraft whichever told us: dump1090 sets the status from the squawk, and two
 * events for one emergency would be one too many.
 */
public final class EmergencyRule implements AircraftRule {
    private final SafetySettings.Emergency settings;

    public EmergencyRule(SafetySettings.Emergency settings) {
        this.settings = settings;
    }

    public static String key(String hex) {
        return "emergency:" + hex;
    }

    @Override
    public Optional<Finding> evaluate(Observation o) {
        String squawk = o.state().text(AircraftField.SQUAWK);
        String kind = squawk == null ? null : settings.squawks().get(squawk);
        String status = o.state().text(AircraftField.EMERGENCY);
        boolean statusActive = status != null && !settings.ignoredStates().contains(status)
                && Observation.within(o.emergencySeenAt(), o.now(), settings.statusHold().toMillis());
        Map<String, Object> details = o.baseDetails();
        if (statusActive) {
            details.put("emergency", status);
        }
        if (kind != null) {
            details.put("emergency_type", kind);
            return Optional.of(Finding.single(key(o.hex()), SafetyEventTypes.EMERGENCY_SQUAWK, Severity.CRITICAL, o,
                    "Emergency squawk " + squawk + " detected", details, settings.clearAfter().toMillis()));
        }
        if (statusActive) {
            return Optional.of(Finding.single(key(o.hex()), SafetyEventTypes.EMERGENCY, Severity.CRITICAL, o,
                    "Emergency status " + status + " declared", details, settings.clearAfter().toMillis()));
        }
        return Optional.empty();
    }
}
