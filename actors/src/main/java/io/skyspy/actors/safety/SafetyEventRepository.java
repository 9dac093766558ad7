package io.skyspy.actors.safety;

import io.skyspy.protocol.safety.SafetyEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where safety events are kept beyond their episode. Asynchronous so that a database
 * implementation runs its blocking calls on the blocking dispatcher and the caller (an actor)
 * pipes the result back to itself; the in-memory one answers at once.
 *
 * <p>{@link #save} is an upsert by id. Event ids are derived from the episode, so every node that
 * hears an event may save it and the store still holds it once.
 */
public interface SafetyEventRepository {

    CompletionStage<Void> save(SafetyEvent event);

    CompletionStage<Optional<SafetyEvent>> find(long id);

    /**
     * Newest first.
     *
     * @param eventType only this type, or null for all
     * @param icao only events involving this aircraft, or null for all
     */
    CompletionStage<List<SafetyEvent>> history(String eventType, String icao, int limit);
}
