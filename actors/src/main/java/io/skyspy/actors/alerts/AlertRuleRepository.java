package io.skyspy.actors.alerts;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where alert rules are kept. Asynchronous so that a database implementation blocks only the
 * blocking dispatcher; the alert engine is its only writer.
 */
public interface AlertRuleRepository {

    CompletionStage<List<StoredRule>> all();

    /** Stores a new rule and returns it with its id. */
    CompletionStage<StoredRule> insert(StoredRule rule);

    CompletionStage<StoredRule> update(StoredRule rule);

    /** True when the rule existed. */
    CompletionStage<Boolean> delete(long id);
}
