package io.skyspy.app;

import com.typesafe.config.Config;
import io.skyspy.actors.aircraft.AircraftDatabase;
import io.skyspy.actors.aircraft.AircraftEnricher;
import io.skyspy.actors.aircraft.AircraftInfo;
import io.skyspy.actors.aircraft.AircraftEntity;
import io.skyspy.actors.aircraft.AircraftSettings;
import io.skyspy.actors.aircraft.AircraftView;
import io.skyspy.actors.session.RequestExtension;
import io.skyspy.actors.session.SessionEntity;
import io.skyspy.actors.session.ShardWarmup;
import io.skyspy.actors.session.SessionSettings;
import io.skyspy.app.auth.AuthModule;
import io.skyspy.app.auth.AuthRoutes;
import io.skyspy.app.auth.AuthSettings;
import io.skyspy.app.auth.Authenticator;
import io.skyspy.app.auth.ConnectionLimits;
import io.skyspy.app.events.EventsModule;
import io.skyspy.app.feeds.AcarsModule;
import io.skyspy.app.feeds.FeedLauncher;
import io.skyspy.app.http.SystemStatus;
import io.skyspy.app.http.HealthRoute;
import io.skyspy.app.socketio.SocketIoRoutes;
import io.skyspy.app.transport.NioHttpServer;
import io.skyspy.app.ws.Streaming;
import io.skyspy.app.ws.WsRoutes;
import io.skyspy.app.ws.WsSettings;
import io.skyspy.protocol.CloseCodes;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.streams.fanout.ConnectionRegistry;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.hub.AircraftHub;
import io.skyspy.streams.hub.HubSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.ActorMaterializer;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.ActorMaterializerSettings;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.Http;
import io.skyspy.app.http.RootRoute;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: wires the feeds, the sharded entities, the node's view and hubs, and the
 * HTTP routes, in that order. Used by {@link Main} and by the end-to-end tests alike, so the
 * tests run exactly what users run.
 */
public final class SkySpyServer {
    private static final Logger log = LoggerFactory.getLogger(SkySpyServer.class);

    private final ActorSystem<Void> system;
    private final int port;
    private final FeedLauncher feeds;

    /** The materializer of HTTP and WebSocket connections: small stream buffers (skyspy.http.stream). */
    @SuppressWarnings("deprecation") // pekko offers no other way to give one server its own stream buffers
    private static Materializer connectionMaterializer(ActorSystem<Void> system, Config config) {
        Config settings = config.getConfig("skyspy.http.stream").withFallback(config.getConfig("pekko.stream.materializer"));
        return ActorMaterializer.create(ActorMaterializerSettings.create(settings), Adapter.toClassic(system), "http");
    }

    private SkySpyServer(ActorSystem<Void> system, int port, FeedLauncher feeds) {
        this.system = system;
        this.port = port;
        this.feeds = feeds;
    }

    public static CompletionStage<SkySpyServer> start(Config config) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "skyspy", config);
        try {
            return wire(system, config);
        } catch (RuntimeException e) {
            system.terminate();
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletionStage<SkySpyServer> wire(ActorSystem<Void> system, Config config) {
        if (config.getBoolean("skyspy.cluster.self-join")) {
            Cluster cluster = Cluster.get(system);
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
        FanOut fanOut = new FanOut();
        ConnectionRegistry registry = new ConnectionRegistry();
        // The path from the feeds to the fan-out (feed streams, aircraft entities, topics, views,
        // hubs) runs on a dispatcher of its own, so that its hops and the hub's offers to every
        // connection do not queue behind the connections' writes (app/bench/RESULTS.md).
        String ingestDispatcher = config.getString("skyspy.ingest-dispatcher");
        Props ingest = DispatcherSelector.fromConfig(ingestDispatcher);
        Attributes ingestStreams = ActorAttributes.dispatcher(ingestDispatcher);
        AircraftHub hub = AircraftHub.start(hubSettings(config), fanOut, system, ingestStreams);

        ActorRef<Topic.Command<AircraftEvent>> topic =
                system.systemActorOf(Topic.create(AircraftEvent.class, "aircraft"), "aircraft-topic", ingest);
        ActorRef<AircraftView.Command> view =
                system.systemActorOf(AircraftView.create(topic, hub::offer), "aircraft-view", ingest);
        EventsModule events = EventsModule.start(system, config, fanOut, topic, ingest);
        AcarsModule acars = AcarsModule.start(system, config, fanOut, ingest);

        AircraftDatabase db = aircraftDatabase(config);
        ActorRef<ShardingEnvelope<AircraftEntity.Command>> aircraft = AircraftEntity.init(system,
                AircraftSettings.create(config), new AircraftEnricher(db), topic, events.aircraftSafety(), ingest);
        SessionSettings sessionSettings = SessionSettings.create(config);
        List<RequestExtension> requestTypes = new ArrayList<>(events.requests(sessionSettings));
        requestTypes.addAll(acars.requests());
        SessionEntity.init(system, sessionSettings, view, hex -> db.lookup(hex).map(AircraftInfo::toResponse),
                requestTypes);
        CompletionStage<Integer> sessionShards = warmSessionShards(system, config);

        FeedLauncher feeds = new FeedLauncher();
        feeds.start(system, config, config.getStringList("skyspy.feeds"),
                report -> aircraft.tell(new ShardingEnvelope<>(report.hex(), new AircraftEntity.Report(report))), ingestStreams);

        WsSettings ws = WsSettings.create(config);
        AuthSettings authSettings = AuthSettings.create(config);
        Authenticator auth = AuthModule.create(authSettings);
        Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig("skyspy-blocking-dispatcher"));
        Streaming streaming = new Streaming(system, fanOut, registry, hub, ws, sessionSettings, auth,
                new ConnectionLimits(authSettings.limits()), events.sessionListener(fanOut));
        Duration ping = ws.pingInterval();
        system.scheduler().scheduleAtFixedRate(ping, ping,
                () -> registry.sweep(ws.heartbeatTimeout(), CloseCodes.HEARTBEAT_TIMEOUT, CloseCodes.UNAUTHORIZED),
                system.executionContext());

        HealthRoute health = new HealthRoute(feeds::statuses, hub, registry);
        SystemStatus.start(system, fanOut, health::body, config.getDuration("skyspy.admin.status-interval"));
        Route route = RootRoute.of(
                events.routes(streaming),
                new WsRoutes(streaming).route(),
                SocketIoRoutes.create(streaming, config).route(),
                new AuthRoutes(auth, blocking).route(),
                health.route());
        String host = config.getString("skyspy.http.host");
        int port = config.getInt("skyspy.http.port");
        return sessionShards.thenCompose(warmed -> bind(system, config, host, port, route)).thenApply(boundPort -> {
            CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "close-websockets", () -> {
                registry.closeAll(CloseCodes.GOING_AWAY, "server shutting down");
                feeds.stop();
                hub.shutdown();
                return CompletableFuture.completedFuture(Done.getInstance());
            });
            log.info("SkySpy listening on http://{}:{}/ (WebSocket: ws://{}:{}/ws/all/)", host, boundPort,
                    displayHost(host), boundPort);
            return new SkySpyServer(system, boundPort, feeds);
        }).exceptionally(err -> {
            system.terminate();
            throw new IllegalStateException("could not bind " + host + ":" + port + ": " + err.getMessage(), err);
        });
    }

    /**
     * Serves {@code route} on {@code host:port} over the configured transport (skyspy.http.transport)
     * and stops it with the node; completes with the bound port.
     */
    private static CompletionStage<Integer> bind(ActorSystem<Void> system, Config config, String host, int port,
            Route route) {
        Duration drain = Duration.ofSeconds(5);
        Materializer materializer = connectionMaterializer(system, config);
        String transport = config.getString("skyspy.http.transport");
        if (!transport.equals("pekko-io") && !transport.equals("nio")) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "skyspy.http.transport must be \"pekko-io\" or \"nio\", not \"" + transport + "\""));
        }
        if (transport.equals("pekko-io")) {
            return Http.get(system).newServerAt(host, port).withMaterializer(materializer).bind(route)
                    .thenApply(binding -> {
                        binding.addToCoordinatedShutdown(drain, system);
                        return binding.localAddress().getPort();
                    });
        }
        try {
            NioHttpServer server = NioHttpServer.bind(system, host, port, route.flow(system), materializer,
                    config.getDuration("skyspy.http.accept-max-lag"), config.getInt("skyspy.http.accept-batch"));
            CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
            shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "http-unbind", () -> {
                server.unbind();
                return CompletableFuture.completedFuture(Done.getInstance());
            });
            shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "http-terminate", () -> server.terminate(drain));
            return CompletableFuture.completedFuture(server.localAddress().getPort());
        } catch (java.io.IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Completes when every session shard has a home, or after skyspy.session.shard-warm-up. */
    private static CompletionStage<Integer> warmSessionShards(ActorSystem<Void> system, Config config) {
        Duration timeout = config.getDuration("skyspy.session.shard-warm-up");
        if (timeout.isZero()) {
            return CompletableFuture.completedFuture(0);
        }
        int shards = config.getInt("pekko.cluster.sharding.number-of-shards");
        long start = System.nanoTime();
        return ShardWarmup.warm(system, SessionEntity.TYPE_KEY, shards, SessionEntity.Warm::new, timeout)
                .thenApply(warmed -> {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (warmed < shards) {
                        log.warn("{} of {} session shards allocated within {} ms; the rest will be as sessions arrive",
                                warmed, shards, ms);
                    } else {
                        log.info("{} session shards allocated in {} ms", shards, ms);
                    }
                    return warmed;
                });
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") ? "localhost" : host;
    }

    static HubSettings hubSettings(Config config) {
        Config b = config.getConfig("skyspy.batching");
        Config r = config.getConfig("skyspy.rate-limits");
        Config a = config.getConfig("skyspy.aircraft-stream");
        return new HubSettings(b.getDuration("window"), b.getInt("max-size"), (int) b.getBytes("max-bytes").longValue(),
                r.getDouble("aircraft-delta"), a.getDuration("update-interval"), r.getDouble("aircraft-update"),
                a.getDuration("heartbeat-interval"), a.getInt("input-buffer"));
    }

    private static AircraftDatabase aircraftDatabase(Config config) {
        String path = config.getString("skyspy.aircraft-db.path");
        if (path.isBlank()) {
            return AircraftDatabase.loadSample();
        }
        try {
            AircraftDatabase db = AircraftDatabase.load(Path.of(path));
            log.info("aircraft database {}: {} aircraft ({} rows skipped)", path, db.size(), db.skippedRows());
            return db;
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("aircraft database {} could not be read ({}); using the bundled sample", path, e.toString());
            return AircraftDatabase.loadSample();
        }
    }

    public int port() {
        return port;
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public List<io.skyspy.streams.feed.FeedStatus> feeds() {
        return feeds.statuses();
    }

    /** Closes every connection with 1001, unbinds and stops the node. */
    public CompletionStage<Done> stop() {
        return CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason())
                .thenCompose(d -> system.getWhenTerminated().thenApply(t -> Done.getInstance()));
    }
}
