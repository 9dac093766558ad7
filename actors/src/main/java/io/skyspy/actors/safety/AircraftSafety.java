package io.skyspy.actors.safety;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.safety.SafetyNotice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The per-aircraft safety rules of one aircraft, run inside its entity: since the entity is the
 * aircraft's single writer in the whole cluster, each episode is detected exactly once. Holds what
 * the rules cannot read from the merged state (when a report last carried an advisory or an
 * emergency status: feeds never erase a field) and the aircraft's open episodes.
 */
public final class AircraftSafety {
    /** Makes the monitor of one aircraft; the entity calls it once per incarnation. */
    @FunctionalInterface
    public interface Factory {
        AircraftSafety create(String hex);
    }

    private static final AircraftSafety DISABLED = new AircraftSafety(List.of(), Set.of(), n -> {});

    private final List<AircraftRule> rules;
    private final Set<String> ignoredEmergencyStates;
    private final Consumer<SafetyNotice> out;
    private final Episodes episodes = new Episodes();
    private AircraftState last;
    private long raSeenAt = Observation.NEVER;
    private long emergencySeenAt = Observation.NEVER;

    /** @param out where notices go (the cluster-wide safety topic) */
    public AircraftSafety(List<AircraftRule> rules, Set<String> ignoredEmergencyStates, Consumer<SafetyNotice> out) {
        this.rules = rules;
        this.ignoredEmergencyStates = ignoredEmergencyStates;
        this.out = out;
    }

    /** A monitor that finds nothing (safety disabled, or tests of the entity alone). */
    public static AircraftSafety disabled() {
        return DISABLED;
    }

    /** The rules of {@code settings}, each aircraft with its own monitor, notices to {@code out}. */
    public static Factory factory(SafetySettings settings, Consumer<SafetyNotice> out) {
        if (!settings.enabled()) {
            return hex -> DISABLED;
        }
        List<AircraftRule> rules = List.of(
                new EmergencyRule(settings.emergency()),
                new TcasRule(settings.tcas()),
                new ExtremeVerticalRateRule(settings.verticalRate()),
                new RapidDescentRule(settings.verticalRate()),
                new UnusualSquawkRule(settings.squawks()));
        return hex -> new AircraftSafety(rules, settings.emergency().ignoredStates(), out);
    }

    /** A report was merged into {@code state}. */
    public void observe(AircraftReport report, AircraftState state, long now) {
        if (this == DISABLED) {
            return;
        }
        if (report.get(AircraftField.ACAS_RA) != null) {
            raSeenAt = now;
        }
        Object emergency = report.get(AircraftField.EMERGENCY);
        if (emergency != null && !ignoredEmergencyStates.contains(emergency)) {
            emergencySeenAt = now;
        }
        last = state;
        evaluate(now);
    }

    /** Time passed without a report: advisories and statuses age out, episodes may end. */
    public void tick(long now) {
        if (last != null && !episodes.isEmpty()) {
            evaluate(now);
        }
    }

    /** The aircraft is no longer tracked: whatever was going on is over. */
    public void removed(long now) {
        episodes.resolveIf(e -> true, now).forEach(out);
        last = null;
    }

    private void evaluate(long now) {
        Observation o = new Observation(last, now, raSeenAt, emergencySeenAt);
        List<Finding> findings = new ArrayList<>(2);
        for (AircraftRule r : rules) {
            r.evaluate(o).ifPresent(findings::add);
        }
        episodes.observe(findings, now).forEach(out);
    }
}
