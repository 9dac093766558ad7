package io.skyspy.actors.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * Has every shard of an entity type allocated before the first client needs one.
 *
 * <p>The shard coordinator allocates shards one at a time, each with a write to its replicated
 * state; on a fresh node whose CPUs are busy accepting a reconnect storm that took seconds per
 * shard, and sessions waiting for their shard's home timed out their attach
 * (app/bench/RESULTS.md, 2026-12-03, before midnight). One short-lived entity per shard, sent a
 * message before the port is bound, moves that work to start-up.
 */
public final class ShardWarmup {

    private ShardWarmup() {}

    /**
     * One entity id per shard, in shard order, as sharding's default extractor places them
     * ({@code abs(id.hashCode() % shards)}).
     */
    static List<String> entityIds(int shards) {
        String[] ids = new String[shards];
        int found = 0;
        for (int i = 0; found < shards; i++) {
            String id = "shard-warmup-" + i;
            int shard = Math.abs(id.hashCode() % shards);
            if (ids[shard] == null) {
                ids[shard] = id;
                found++;
            }
        }
        return List.of(ids);
    }

    /**
     * Sends {@code message} to one entity of every shard and completes with the number that
     * answered within {@code timeout}; it never fails, since a cold shard only costs time.
     */
    public static <M> CompletionStage<Integer> warm(ActorSystem<?> system, EntityTypeKey<M> type, int shards,
            Function<ActorRef<Done>, M> message, Duration timeout) {
        ClusterSharding sharding = ClusterSharding.get(system);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (String id : entityIds(shards)) {
            answers.add(sharding.entityRefFor(type, id).ask(message::apply, timeout)
                    .handle((done, failure) -> failure == null ? 1 : 0).toCompletableFuture());
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(all -> answers.stream().mapToInt(CompletableFuture::join).sum());
    }
}
