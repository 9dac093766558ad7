package io.skyspy.actors.alerts;

import io.skyspy.protocol.alerts.AlertTrigger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where fired alerts are kept. Asynchronous for the same reason as {@link AlertRuleRepository}. */
public interface AlertHistoryRepository {

    /** Upsert by id. */
    CompletionStage<Void> save(AlertTrigger alert);

    CompletionStage<Optional<AlertTrigger>> find(long id);

    /**
     * Newest first, only what {@code viewer} may see.
     *
     * @param viewer user id of the asker, null when anonymous
     */
    CompletionStage<List<AlertTrigger>> recent(long sinceMillis, int limit, String viewer, boolean admin);

    /** Unacknowledged alerts {@code viewer} may see, newest first. */
    CompletionStage<List<AlertTrigger>> unacknowledged(String viewer, boolean admin, int limit);

    /** The highest id stored, 0 when empty: ids continue from it after a restart. */
    CompletionStage<Long> maxId();
}
