package io.skyspy.actors.safety;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.safety.SafetyEventTypes;
import io.skyspy.protocol.safety.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * TCAS/ACAS advisories as the feed reports them (readsb's {@code acas_ra.advisory}): a resolution
 * advisory is high, a traffic advisory medium, "Clear of Conflict" ends the episode. The original
 * system guessed RAs from vertical-rate reversals and ignored the real signal; we use the signal.
 */
public final class TcasRule implements AircraftRule {
    private final SafetySettings.Tcas settings;

    public TcasRule(SafetySettings.Tcas settings) {
        this.settings = settings;
    }

    public static String key(String hex) {
        return "tcas:" + hex;
    }

    @Override
    public Optional<Finding> evaluate(Observation o) {
        String advisory = o.state().text(AircraftField.ACAS_RA);
        if (advisory == null || !Observation.within(o.raSeenAt(), o.now(), settings.raHold().toMillis())) {
            return Optional.empty();
        }
        String lower = advisory.toLowerCase(Locale.ROOT);
        if (lower.contains("clear of conflict")) {
            return Optional.empty();
        }
        Map<String, Object> details = o.baseDetails();
        details.put("advisory", advisory);
        details.put("vertical_rate", o.verticalRate());
        boolean traffic = lower.equals("ta") || lower.startsWith("ta ") || lower.contains("traffic");
        return Optional.of(traffic
                ? Finding.single(key(o.hex()), SafetyEventTypes.TCAS_TA, Severity.MEDIUM, o,
                        "TCAS Traffic Advisory", details, settings.clearAfter().toMillis())
                : Finding.single(key(o.hex()), SafetyEventTypes.TCAS_RA, Severity.HIGH, o,
                        "TCAS Resolution Advisory - " + advisory, details, settings.clearAfter().toMillis()));
    }
}
