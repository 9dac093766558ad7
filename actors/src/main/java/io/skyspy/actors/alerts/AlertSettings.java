package io.skyspy.actors.alerts;

import com.typesafe.config.Config;
import java.time.Duration;

/** Limits and defaults of alert rules, history and webhooks, read once from {@code skyspy.alerts}. */
public record AlertSettings(boolean enabled, Duration defaultCooldown, Duration maxCooldown, int maxRules,
        int maxRulesPerOwner, int maxGroups, int maxConditionsPerGroup, int maxPolygonPoints, double maxRadiusNm,
        int maxPatternLength, int maxNameLength, Duration sweepInterval, History history, int snapshotSize,
        Webhooks webhooks) {

    public record History(int maxAlerts, int defaultHours, int maxHours, int defaultLimit, int maxLimit) {}

    /**
     * @param secret HMAC-SHA256 key of the signature header, empty for unsigned deliveries
     * @param maxInFlight deliveries in progress at once; beyond it a delivery fails at once
     */
    public record Webhooks(boolean enabled, String secret, String signatureHeader, int maxAttempts, Duration minBackoff,
            Duration maxBackoff, Duration requestTimeout, int maxInFlight) {}

    public static AlertSettings create(Config config) {
        Config a = config.getConfig("skyspy.alerts");
        Config h = a.getConfig("history");
        Config w = a.getConfig("webhooks");
        return new AlertSettings(a.getBoolean("enabled"), a.getDuration("default-cooldown"), a.getDuration("max-cooldown"),
                a.getInt("max-rules"), a.getInt("max-rules-per-owner"), a.getInt("max-groups"),
                a.getInt("max-conditions-per-group"), a.getInt("max-polygon-points"), a.getDouble("max-radius-nm"),
                a.getInt("max-pattern-length"), a.getInt("max-name-length"), a.getDuration("sweep-interval"),
                new History(h.getInt("max-alerts"), h.getInt("default-hours"), h.getInt("max-hours"),
                        h.getInt("default-limit"), h.getInt("max-limit")),
                a.getInt("snapshot-size"),
                new Webhooks(w.getBoolean("enabled"), w.getString("secret"), w.getString("signature-header"),
                        w.getInt("max-attempts"), w.getDuration("min-backoff"), w.getDuration("max-backoff"),
                        w.getDuration("request-timeout"), w.getInt("max-in-flight")));
    }
}
