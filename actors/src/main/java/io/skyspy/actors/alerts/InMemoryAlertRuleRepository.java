package io.skyspy.actors.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Rules in memory, ids from 1, until the storage issue brings the database. */
public final class InMemoryAlertRuleRepository implements AlertRuleRepository {
    private final Map<Long, StoredRule> rules = new LinkedHashMap<>();
    private long lastId;

    @Override
    public synchronized CompletionStage<List<StoredRule>> all() {
        return CompletableFuture.completedFuture(new ArrayList<>(rules.values()));
    }

    @Override
    public synchronized CompletionStage<StoredRule> insert(StoredRule rule) {
        StoredRule stored = rule.withId(++lastId);
        rules.put(stored.id(), stored);
        return CompletableFuture.completedFuture(stored);
    }

    @Override
    public synchronized CompletionStage<StoredRule> update(StoredRule rule) {
        rules.put(rule.id(), rule);
        return CompletableFuture.completedFuture(rule);
    }

    @Override
    public synchronized CompletionStage<Boolean> delete(long id) {
        return CompletableFuture.completedFuture(rules.remove(id) != null);
    }
}
