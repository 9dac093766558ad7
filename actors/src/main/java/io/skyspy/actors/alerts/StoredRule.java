package io.skyspy.actors.alerts;

import java.util.Map;

/**
 * An alert rule as a repository keeps it: the owner and the canonical definition (validated JSON,
 * see {@link RuleParser#normalize}), so a database stores it as one JSON column and the rule is
 * rebuilt from it by {@link RuleParser#build}.
 *
 * @param id 0 for a rule not stored yet
 * @param owner the user who created it, null for an anonymous creator
 */
public record StoredRule(long id, String owner, Map<String, Object> definition, long createdAt, long updatedAt) {

    public StoredRule withId(long newId) {
        return new StoredRule(newId, owner, definition, createdAt, updatedAt);
    }
}
