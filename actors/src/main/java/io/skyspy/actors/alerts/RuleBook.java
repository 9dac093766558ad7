package io.skyspy.actors.alerts;

import io.skyspy.protocol.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The alert engine's rules, by id, and the questions asked about them. Not thread-safe. */
public final class RuleBook {
    private final Map<Long, AlertRule> rules = new TreeMap<>();
    private List<AlertRule> enabled = List.of();

    public void put(AlertRule rule) {
        rules.put(rule.id(), rule);
        refresh();
    }

    public void remove(long id) {
        rules.remove(id);
        refresh();
    }

    public AlertRule get(long id) {
        return rules.get(id);
    }

    public int size() {
        return rules.size();
    }

    /** The enabled rules, as an immutable list rebuilt only when rules change (read per aircraft event). */
    public Collection<AlertRule> enabled() {
        return enabled;
    }

    public long ownedBy(String userId) {
        return rules.values().stream().filter(r -> userId != null && userId.equals(r.owner())).count();
    }

    /** Rules {@code p} may see, as client maps. */
    public List<Map<String, Object>> visible(Principal p, boolean includeDisabled, boolean ownedOnly) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AlertRule r : rules.values()) {
            if (!r.visibleTo(p) || (!includeDisabled && !r.enabled())) {
                continue;
            }
            if (ownedOnly && (p.userId() == null || !p.userId().equals(r.owner()))) {
                continue;
            }
            out.add(r.toMap(r.editableBy(p)));
        }
        return out;
    }

    /** Geofences of the enabled rules {@code p} may see. */
    public int activeGeofences(Principal p) {
        return enabled.stream().filter(r -> r.visibleTo(p)).mapToInt(r -> r.fences().size()).sum();
    }

    public Long cooldownMillis(long id) {
        AlertRule r = rules.get(id);
        return r == null ? null : r.cooldown().toMillis();
    }

    private void refresh() {
        enabled = rules.values().stream().filter(AlertRule::enabled).toList();
    }
}
