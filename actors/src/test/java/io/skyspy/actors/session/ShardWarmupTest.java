package io.skyspy.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ShardWarmupTest {
    private static final ActorTestKit kit = ActorTestKit.create(ConfigFactory.parseString("""
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = 127.0.0.1
            pekko.remote.artery.canonical.port = 0
            pekko.cluster.sharding.number-of-shards = 20
            """));

    static {
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }

    record Ping(ActorRef<Done> replyTo) {}

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void oneEntityIdPerShardInShardOrder() {
        List<String> ids = ShardWarmup.entityIds(100);
        assertEquals(100, new HashSet<>(ids).size());
        for (int shard = 0; shard < ids.size(); shard++) {
            assertEquals(shard, Math.abs(ids.get(shard).hashCode() % 100), ids.get(shard));
        }
    }

    @Test
    void everyShardHasAHomeWhenTheWarmUpCompletes() throws Exception {
        EntityTypeKey<Ping> type = EntityTypeKey.create(Ping.class, "WarmupTest");
        ClusterSharding.get(kit.system()).init(Entity.of(type, ctx -> Behaviors.receiveMessage(ShardWarmupTest::reply)));

        int warmed = ShardWarmup.warm(kit.system(), type, 20, Ping::new, Duration.ofSeconds(10))
                .toCompletableFuture().get();

        assertEquals(20, warmed);
        TestProbe<ShardRegion.CurrentShardRegionState> probe = kit.createTestProbe();
        ClusterSharding.get(kit.system()).shardState().tell(new GetShardRegionState(type, probe.ref()));
        Set<String> shards = probe.receiveMessage().getShards().stream().map(ShardRegion.ShardState::shardId)
                .collect(Collectors.toSet());
        assertEquals(20, shards.size());
    }

    @Test
    void aShardThatDoesNotAnswerIsNotCounted() throws Exception {
        EntityTypeKey<Ping> silent = EntityTypeKey.create(Ping.class, "SilentWarmupTest");
        ClusterSharding.get(kit.system()).init(Entity.of(silent, ctx -> Behaviors.receiveMessage(p ->
                ctx.getEntityId().equals(ShardWarmup.entityIds(4).get(2)) ? Behaviors.same() : reply(p))));

        assertEquals(3, ShardWarmup.warm(kit.system(), silent, 4, Ping::new, Duration.ofMillis(500))
                .toCompletableFuture().get());
    }

    private static Behavior<Ping> reply(Ping p) {
        p.replyTo().tell(Done.getInstance());
        return Behaviors.stopped();
    }
}
