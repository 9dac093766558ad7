package io.skyspy.actors.alerts;

import io.skyspy.protocol.alerts.GeofenceCrossing;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Runs the alert rules against aircraft as they change. Per aircraft it remembers which fences it
 * was inside (for entry and exit) and when each rule last fired for it (the cooldown is per rule
 * x aircraft). Single-threaded: owned by the alert engine.
 *
 * <ul>
 *   <li>A fence's first observation of an aircraft only records where it is: an aircraft already
 *       inside when it is first seen (or when the rule is created) has not entered, so a restart or
 *       a new rule does not set off a storm of entries.
 *   <li>Crossings are reported for every fence of every enabled rule, whatever the rest of the
 *       rule's condition says; the rule fires when its whole condition holds and its cooldown for
 *       this aircraft has passed.
 * </ul>
 */
public final class AlertEvaluator {

    /** A rule that fired for an aircraft. */
    public record Match(AlertRule rule, AircraftState state) {}

    /** What one observation produced: crossings first, then rules that fired. */
    public record Outcome(List<GeofenceCrossing> crossings, List<Match> matches) {
        public boolean isEmpty() {
            return crossings.isEmpty() && matches.isEmpty();
        }
    }

    private final Map<String, Map<String, Boolean>> inside = new HashMap<>();
    private final Map<String, Map<Long, Long>> lastFired = new HashMap<>();

    public Outcome observe(AircraftState s, Collection<AlertRule> rules, long now) {
        List<GeofenceCrossing> crossings = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        boolean positioned = s.hasPosition();
        double lat = positioned ? s.decimal(AircraftField.LAT) : 0;
        double lon = positioned ? s.decimal(AircraftField.LON) : 0;
        Map<String, Boolean> where = inside.computeIfAbsent(s.hex(), h -> new HashMap<>());
        for (AlertRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            Map<Geofence, Condition.FenceState> fences = new IdentityHashMap<>();
            for (Geofence f : rule.fences()) {
                String key = fenceKey(rule.id(), f);
                Boolean before = where.get(key);
                if (!positioned) {
                    fences.put(f, new Condition.FenceState(before, null));
                    continue;
                }
                boolean now_ = f.contains(lat, lon);
                where.put(key, now_);
                fences.put(f, new Condition.FenceState(before, now_));
                if (before != null && before != now_) {
                    crossings.add(new GeofenceCrossing(f.id(), f.name() != null ? f.name() : rule.name(), rule.id(), s.hex(),
                            callsign(s), now_, lat, lon, s.altitudeFt(), now, rule.audience()));
                }
            }
            Condition.Facts facts = new Condition.Facts() {
                @Override
                public AircraftState state() {
                    return s;
                }

                @Override
                public Condition.FenceState fence(Geofence fence) {
                    return fences.get(fence);
                }
            };
            if (rule.condition().test(facts) && cooledDown(s.hex(), rule, now)) {
                lastFired.computeIfAbsent(s.hex(), h -> new HashMap<>()).put(rule.id(), now);
                matches.add(new Match(rule, s));
            }
        }
        return new Outcome(crossings, matches);
    }

    /** The aircraft is gone: forget where it was (its cooldowns stay until they expire). */
    public void removed(String hex) {
        inside.remove(hex);
    }

    /** A rule changed or was deleted: its fences and cooldowns start over. */
    public void forgetRule(long ruleId) {
        String prefix = ruleId + "/";
        for (Map<String, Boolean> where : inside.values()) {
            where.keySet().removeIf(k -> k.startsWith(prefix));
        }
        for (Map<Long, Long> fired : lastFired.values()) {
            fired.remove(ruleId);
        }
    }

    /** Drops cooldowns that have expired, so memory follows live traffic, not all traffic ever seen. */
    public void sweep(long now, LongFunction<Long> cooldownMillisOfRule) {
        for (Iterator<Map<Long, Long>> it = lastFired.values().iterator(); it.hasNext();) {
            Map<Long, Long> fired = it.next();
            fired.entrySet().removeIf(e -> {
                Long cooldown = cooldownMillisOfRule.apply(e.getKey());
                return cooldown == null || now - e.getValue() >= cooldown;
            });
            if (fired.isEmpty()) {
                it.remove();
            }
        }
        inside.values().removeIf(Map::isEmpty);
    }

    /** Aircraft with a remembered fence position or cooldown (for tests and health). */
    public int trackedAircraft() {
        return Math.max(inside.size(), lastFired.size());
    }

    private boolean cooledDown(String hex, AlertRule rule, long now) {
        Map<Long, Long> fired = lastFired.get(hex);
        Long last = fired == null ? null : fired.get(rule.id());
        return last == null || now - last >= rule.cooldown().toMillis();
    }

    private static String fenceKey(long ruleId, Geofence f) {
        return ruleId + "/" + f.id();
    }

    private static String callsign(AircraftState s) {
        String f = s.text(AircraftField.FLIGHT);
        return f == null || f.isBlank() ? null : f.strip();
    }
}
