package io.skyspy.actors.safety;

import io.skyspy.protocol.safety.SafetyEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The newest {@code capacity} events in memory, until the storage issue brings the database. */
public final class InMemorySafetyEventRepository implements SafetyEventRepository {
    private final int capacity;
    // insertion order is detection order; an update keeps the event's place
    private final LinkedHashMap<Long, SafetyEvent> events;

    public InMemorySafetyEventRepository(int capacity) {
        this.capacity = capacity;
        this.events = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, SafetyEvent> eldest) {
                return size() > InMemorySafetyEventRepository.this.capacity;
            }
        };
    }

    @Override
    public synchronized CompletionStage<Void> save(SafetyEvent event) {
        events.put(event.id(), event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Optional<SafetyEvent>> find(long id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(events.get(id)));
    }

    @Override
    public synchronized CompletionStage<List<SafetyEvent>> history(String eventType, String icao, int limit) {
        List<SafetyEvent> all = new ArrayList<>(events.values());
        List<SafetyEvent> out = new ArrayList<>();
        for (ListIterator<SafetyEvent> it = all.listIterator(all.size()); it.hasPrevious() && out.size() < limit;) {
            SafetyEvent e = it.previous();
            if ((eventType == null || eventType.equalsIgnoreCase(e.eventType())) && (icao == null || e.involves(icao))) {
                out.add(e);
            }
        }
        return CompletableFuture.completedFuture(out);
    }
}
