package io.skyspy.actors.safety;

import io.skyspy.protocol.safety.SafetyEventTypes;
import io.skyspy.protocol.safety.Severity;
import java.util.Map;
import java.util.Optional;

/** {@code extreme_vs}: climbing or descending at least {@code extreme-fpm} (low), {@code severe-fpm} (medium). */
public final class ExtremeVerticalRateRule implements AircraftRule {
    private final SafetySettings.VerticalRate settings;

    public ExtremeVerticalRateRule(SafetySettings.VerticalRate settings) {
        this.settings = settings;
    }

    @Override
    public Optional<Finding> evaluate(Observation o) {
        Integer vr = o.verticalRate();
        if (vr == null || o.state().onGround() || Math.abs(vr) < settings.extremeFpm()) {
            return Optional.empty();
        }
        Severity severity = Math.abs(vr) >= settings.severeFpm() ? Severity.MEDIUM : Severity.LOW;
        Map<String, Object> details = o.baseDetails();
        details.put("vertical_rate", vr);
        String message = vr > 0 ? "Extreme climb rate" : "Extreme descent rate";
        return Optional.of(Finding.single("extreme_vs:" + o.hex(), SafetyEventTypes.EXTREME_VS, severity, o, message,
                details, settings.clearAfter().toMillis()));
    }
}
