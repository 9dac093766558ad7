package io.skyspy.app.http;

import io.skyspy.protocol.Json;
import io.skyspy.protocol.Timestamps;
import io.skyspy.streams.fanout.ConnectionRegistry;
import io.skyspy.streams.feed.FeedStatus;
import io.skyspy.streams.hub.AircraftHub;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health}: for operators and load balancers. Always 200 while the node serves;
 * {@code status} says {@code degraded} when a configured feed is not delivering.
 */
public final class HealthRoute extends AllDirectives {
    private final Supplier<List<FeedStatus>> feeds;
    private final AircraftHub hub;
    private final ConnectionRegistry connections;
    private final long startedAt = System.currentTimeMillis();

    public HealthRoute(Supplier<List<FeedStatus>> feeds, AircraftHub hub, ConnectionRegistry connections) {
        this.feeds = feeds;
        this.hub = hub;
        this.connections = connections;
    }

    public Route route() {
        return path("health", () -> get(() -> complete(StatusCodes.OK,
                HttpEntities.create(ContentTypes.APPLICATION_JSON, Json.bytes(body())))));
    }

    public Map<String, Object> body() {
        List<FeedStatus> fs = feeds.get();
        boolean allUp = fs.stream().allMatch(f -> f.state() == FeedStatus.State.CONNECTED || f.state() == FeedStatus.State.POLLING);
        Map<String, Object> conn = new LinkedHashMap<>();
        conn.put("open", connections.size());
        conn.put("total", connections.totalOpened());
        conn.put("closed_heartbeat_timeout", connections.closedForSilence());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("up", true);
        m.put("status", allUp ? "ok" : "degraded");
        m.put("aircraft_count", hub.picture().aircraft().size());
        m.put("connections", conn);
        m.put("feeds", fs.stream().map(FeedStatus::toMap).toList());
        m.put("hub_dropped_events", hub.droppedEvents());
        m.put("uptime_s", (System.currentTimeMillis() - startedAt) / 1000);
        m.put("jvm", jvm());
        m.put("timestamp", Timestamps.iso(System.currentTimeMillis()));
        return m;
    }

    /** Heap and GC figures, so that capacity runs (app/bench) can watch for growth without attaching a tool. */
    private static Map<String, Object> jvm() {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            afterGc += u == null ? 0 : u.getUsed();
        }
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heap_used_bytes", heap.getUsed());
        m.put("heap_committed_bytes", heap.getCommitted());
        m.put("heap_max_bytes", heap.getMax());
        // heap pools as the last collection left them: the live set, without the garbage since
        m.put("heap_after_gc_bytes", afterGc);
        m.put("gc_count", gcCount);
        m.put("gc_time_ms", gcMillis);
        return m;
    }
}
