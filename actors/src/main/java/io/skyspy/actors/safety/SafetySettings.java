package io.skyspy.actors.safety;

import com.typesafe.config.Config;
import io.skyspy.protocol.safety.Severity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thresholds of the safety rules, read once from {@code skyspy.safety}. Defaults are the original
 * system's (FACTS.md 1.4) where it had one; severities use the spec's names.
 */
public record SafetySettings(boolean enabled, Emergency emergency, Tcas tcas, VerticalRate verticalRate,
        Squawks squawks, Conflict conflict, History history) {

    /**
     * @param squawks emergency squawk code to its kind ({@code 7700 -> general_emergency})
     * @param ignoredStates ADS-B {@code emergency} values that are not an emergency
     * @param statusHold an ADS-B emergency status stays active this long after the last report carrying it
     * @param clearAfter how long the emergency must be gone before its episode ends
     */
    public record Emergency(Map<String, String> squawks, Set<String> ignoredStates, Duration statusHold,
            Duration clearAfter) {}

    /** @param raHold an advisory stays active this long after the last report carrying it (readsb keeps acas_ra 15 s) */
    public record Tcas(Duration raHold, Duration clearAfter) {}

    /**
     * @param extremeFpm |vertical rate| from which {@code extreme_vs} (low) is raised
     * @param severeFpm |vertical rate| from which it is medium
     * @param rapidDescentFpm descent rate from which {@code rapid_descent} (medium) is raised ...
     * @param rapidDescentFloorFt ... below this altitude
     */
    public record VerticalRate(int extremeFpm, int severeFpm, int rapidDescentFpm, int rapidDescentFloorFt,
            Duration clearAfter) {}

    /** An unusual squawk and what it means. */
    public record UnusualSquawk(String code, Severity severity, String meaning) {}

    public record Squawks(Map<String, UnusualSquawk> unusual, Duration clearAfter) {}

    /** An airport whose approach and departure traffic is not a conflict. */
    public record Airport(String icao, double lat, double lon) {}

    /**
     * @param horizontalNm a pair closer than this ...
     * @param verticalFt ... and closer than this vertically is in conflict
     * @param minAltitudeFt both must be airborne at or above this
     * @param lookahead how far ahead the closest point of approach is predicted (30-60 s)
     * @param lowLevelLookahead the same for pairs both below {@code terminalAltitudeFt}: low traffic
     *     turns (patterns, approaches), so a long straight-line prediction there is mostly noise
     * @param step prediction sampling step
     * @param scanInterval how often the whole picture is scanned
     * @param terminalAltitudeFt pairs both below this ...
     * @param terminalRadiusNm ... and both this close to the same listed airport are not conflicts
     * @param maxPositionAge positions older than this are not used
     * @param maxClosureKt the fastest closure considered when looking for candidates
     */
    public record Conflict(boolean enabled, double horizontalNm, int verticalFt, int minAltitudeFt,
            Duration lookahead, Duration lowLevelLookahead, Duration step, Duration scanInterval, double criticalNm, int criticalFt,
            double highNm, int highFt, int terminalAltitudeFt, double terminalRadiusNm, List<Airport> airports,
            Duration maxPositionAge, double maxClosureKt, Duration clearAfter) {}

    /**
     * @param maxEvents events kept by the in-memory history
     * @param defaultLimit {@code event_history} without a limit
     * @param maxLimit the most one request may ask for
     */
    public record History(int maxEvents, int defaultLimit, int maxLimit) {}

    public static SafetySettings create(Config config) {
        Config s = config.getConfig("skyspy.safety");
        Config e = s.getConfig("emergency");
        Map<String, String> squawks = new LinkedHashMap<>();
        e.getConfig("squawks").root().forEach((k, v) -> squawks.put(k, String.valueOf(v.unwrapped())));
        Config t = s.getConfig("tcas");
        Config v = s.getConfig("vertical-rate");
        Config q = s.getConfig("squawk");
        Map<String, UnusualSquawk> unusual = new LinkedHashMap<>();
        for (Config u : q.getConfigList("unusual")) {
            String code = u.getString("code");
            unusual.put(code, new UnusualSquawk(code, severity(u.getString("severity")), u.getString("meaning")));
        }
        Config c = s.getConfig("conflict");
        List<Airport> airports = c.getConfigList("airports").stream()
                .map(a -> new Airport(a.getString("icao"), a.getDouble("lat"), a.getDouble("lon"))).toList();
        Config h = s.getConfig("history");
        return new SafetySettings(s.getBoolean("enabled"),
                new Emergency(Map.copyOf(squawks), Set.copyOf(e.getStringList("ignored-states")),
                        e.getDuration("status-hold"), e.getDuration("clear-after")),
                new Tcas(t.getDuration("ra-hold"), t.getDuration("clear-after")),
                new VerticalRate(v.getInt("extreme-fpm"), v.getInt("severe-fpm"), v.getInt("rapid-descent-fpm"),
                        v.getInt("rapid-descent-floor-ft"), v.getDuration("clear-after")),
                new Squawks(Map.copyOf(unusual), q.getDuration("clear-after")),
                new Conflict(c.getBoolean("enabled"), c.getDouble("horizontal-nm"), c.getInt("vertical-ft"),
                        c.getInt("min-altitude-ft"), c.getDuration("lookahead"), c.getDuration("low-level-lookahead"),
                        c.getDuration("step"),
                        c.getDuration("scan-interval"), c.getDouble("critical-nm"), c.getInt("critical-ft"),
                        c.getDouble("high-nm"), c.getInt("high-ft"), c.getInt("terminal-altitude-ft"),
                        c.getDouble("terminal-radius-nm"), airports, c.getDuration("max-position-age"),
                        c.getDouble("max-closure-kt"), c.getDuration("clear-after")),
                new History(h.getInt("max-events"), h.getInt("default-limit"), h.getInt("max-limit")));
    }

    private static Severity severity(String text) {
        return Severity.parse(text).orElseThrow(() -> new IllegalArgumentException("unknown severity " + text));
    }
}
