package io.skyspy.actors.alerts;

import io.skyspy.protocol.Principal;
import io.skyspy.protocol.Timestamps;
import io.skyspy.protocol.safety.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated alert rule, ready to evaluate. Built only by {@link RuleParser} from a stored
 * definition; {@code definition} is kept to give the rule back to clients as they wrote it.
 *
 * @param isPrivate private rules fire only to their owner and are listed only to their owner (and admins)
 * @param owner user id of the creator, null for an anonymous one
 * @param fences every geofence the condition uses, in order
 * @param webhookUrl where to POST each alert, or null
 */
public record AlertRule(long id, String name, String description, Severity priority, boolean enabled,
        Duration cooldown, boolean isPrivate, String owner, Condition.Group condition, List<Geofence> fences,
        String webhookUrl, long createdAt, long updatedAt, Map<String, Object> definition) {

    /** Private rules only to their owner; admins see everything. */
    public boolean visibleTo(Principal p) {
        return !isPrivate || p.isAdmin() || (owner != null && owner.equals(p.userId()));
    }

    /** Who may change or delete it: its owner, an admin, or anyone for a rule nobody owns. */
    public boolean editableBy(Principal p) {
        return p.isAdmin() || owner == null || owner.equals(p.userId());
    }

    /** The owner a notice about this rule is routed to: null (everyone) for a public rule. */
    public String audience() {
        return isPrivate ? owner : null;
    }

    /**
     * The rule as clients read it. The webhook URL (which may carry a secret) is shown only to
     * those who may edit the rule; others see that one is configured.
     */
    public Map<String, Object> toMap(boolean forEditor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("description", description);
        m.put("priority", priority.json());
        m.put("enabled", enabled);
        m.put("cooldown_seconds", cooldown.toSeconds());
        m.put("visibility", isPrivate ? "private" : "public");
        m.put("owner", owner);
        m.put("conditions", definition.get("conditions"));
        m.put("geofences", fences.stream().map(Geofence::toMap).toList());
        if (webhookUrl != null) {
            m.put("webhook_url", forEditor ? webhookUrl : redacted(webhookUrl));
        }
        m.put("created_at", Timestamps.iso(createdAt));
        m.put("updated_at", Timestamps.iso(updatedAt));
        return m;
    }

    private static String redacted(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + "/...";
    }
}
