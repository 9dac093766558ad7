package io.skyspy.actors.alerts;

import io.skyspy.protocol.alerts.AlertTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/** The newest {@code capacity} alerts in memory. */
public final class InMemoryAlertHistoryRepository implements AlertHistoryRepository {
    private final int capacity;
    private final LinkedHashMap<Long, AlertTrigger> alerts;

    public InMemoryAlertHistoryRepository(int capacity) {
        this.capacity = capacity;
        this.alerts = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, AlertTrigger> eldest) {
                return size() > InMemoryAlertHistoryRepository.this.capacity;
            }
        };
    }

    @Override
    public synchronized CompletionStage<Void> save(AlertTrigger alert) {
        alerts.put(alert.id(), alert);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Optional<AlertTrigger>> find(long id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(alerts.get(id)));
    }

    @Override
    public synchronized CompletionStage<List<AlertTrigger>> recent(long sinceMillis, int limit, String viewer, boolean admin) {
        return CompletableFuture.completedFuture(newest(limit, a -> a.triggeredAt() >= sinceMillis && a.visibleTo(viewer, admin)));
    }

    @Override
    public synchronized CompletionStage<List<AlertTrigger>> unacknowledged(String viewer, boolean admin, int limit) {
        return CompletableFuture.completedFuture(newest(limit, a -> !a.acknowledged() && a.visibleTo(viewer, admin)));
    }

    @Override
    public synchronized CompletionStage<Long> maxId() {
        return CompletableFuture.completedFuture(alerts.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private List<AlertTrigger> newest(int limit, Predicate<AlertTrigger> which) {
        List<AlertTrigger> all = new ArrayList<>(alerts.values());
        List<AlertTrigger> out = new ArrayList<>();
        for (ListIterator<AlertTrigger> it = all.listIterator(all.size()); it.hasPrevious() && out.size() < limit;) {
            AlertTrigger a = it.previous();
            if (which.test(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
