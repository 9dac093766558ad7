package io.skyspy.actors.safety;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.safety.SafetyEventTypes;
import java.util.Map;
import java.util.Optional;

/** {@code unusual_squawk}: codes worth a look that are not emergencies (7400, 7777, 0000 by default). */
public final class UnusualSquawkRule implements AircraftRule {
    private final SafetySettings.Squawks settings;

    public UnusualSquawkRule(SafetySettings.Squawks settings) {
        this.settings = settings;
    }

    @Override
    public Optional<Finding> evaluate(Observation o) {
        String squawk = o.state().text(AircraftField.SQUAWK);
        SafetySettings.UnusualSquawk u = squawk == null ? null : settings.unusual().get(squawk);
        if (u == null) {
            return Optional.empty();
        }
        Map<String, Object> details = o.baseDetails();
        details.put("meaning", u.meaning());
        return Optional.of(Finding.single("unusual_squawk:" + o.hex(), SafetyEventTypes.UNUSUAL_SQUAWK, u.severity(),
                o, "Unusual squawk " + squawk + " (" + u.meaning() + ")", details, settings.clearAfter().toMillis()));
    }
}
