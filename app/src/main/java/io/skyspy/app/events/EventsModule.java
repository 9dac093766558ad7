package io.skyspy.app.events;

import com.typesafe.config.Config;
import io.skyspy.actors.alerts.AlertEngine;
import io.skyspy.actors.alerts.AlertRequests;
import io.skyspy.actors.alerts.AlertSettings;
import io.skyspy.actors.alerts.InMemoryAlertHistoryRepository;
import io.skyspy.actors.alerts.InMemoryAlertRuleRepository;
import io.skyspy.actors.alerts.WebhookSink;
import io.skyspy.actors.pubsub.TopicFeed;
import io.skyspy.actors.safety.AircraftSafety;
import io.skyspy.actors.safety.ConflictMonitor;
import io.skyspy.actors.safety.InMemorySafetyEventRepository;
import io.skyspy.actors.safety.SafetyRequests;
import io.skyspy.actors.safety.SafetySettings;
import io.skyspy.actors.safety.SafetyView;
import io.skyspy.actors.session.RequestExtension;
import io.skyspy.actors.session.SessionSettings;
import io.skyspy.app.alerts.HttpWebhookSender;
import io.skyspy.app.http.AlertRulesRoute;
import io.skyspy.app.ws.SessionListener;
import io.skyspy.app.ws.Streaming;
import io.skyspy.protocol.alerts.AlertNotice;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.safety.SafetyNotice;
import io.skyspy.streams.events.AlertHub;
import io.skyspy.streams.events.DashboardLog;
import io.skyspy.streams.events.EventFeed;
import io.skyspy.streams.events.SafetyHub;
import io.skyspy.streams.fanout.FanOut;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Safety monitoring, alert rules and their spec 003 channels, wired for one node:
 * <pre>
 * aircraft entities (per-aircraft rules) --+
 * conflict monitor (cluster singleton) ----+--> safety topic --> safety view (per node) --> safety hub --> fan-out
 * alert engine (cluster singleton) --> alerts topic --> alert feed (per node) --> alert hub --> fan-out / owner only,
 *                                                                                            geofence and webhook feeds
 * safety hub + alert hub --> dashboard log --> /ws/dashboard/events/
 * </pre>
 * Storage is in memory behind the repository interfaces until the storage issue replaces it.
 */
public final class EventsModule {
    private final SafetySettings safety;
    private final AlertSettings alerts;
    private final ActorRef<Topic.Command<SafetyNotice>> safetyTopic;
    private final ActorRef<SafetyView.Command> safetyView;
    private final ActorRef<AlertEngine.Command> engine;
    private final SafetyHub safetyHub;
    private final AlertHub alertHub;
    private final EventFeed geofences;
    private final EventFeed webhooks;
    private final DashboardLog dashboard;

    private EventsModule(SafetySettings safety, AlertSettings alerts, ActorRef<Topic.Command<SafetyNotice>> safetyTopic,
            ActorRef<SafetyView.Command> safetyView, ActorRef<AlertEngine.Command> engine, SafetyHub safetyHub,
            AlertHub alertHub, EventFeed geofences, EventFeed webhooks, DashboardLog dashboard) {
        this.safety = safety;
        this.alerts = alerts;
        this.safetyTopic = safetyTopic;
        this.safetyView = safetyView;
        this.engine = engine;
        this.safetyHub = safetyHub;
        this.alertHub = alertHub;
        this.geofences = geofences;
        this.webhooks = webhooks;
        this.dashboard = dashboard;
    }

    /** @param ingest where the safety and alert topics and their views run (see SkySpyServer) */
    public static EventsModule start(ActorSystem<?> system, Config config, FanOut fanOut,
            ActorRef<Topic.Command<AircraftEvent>> aircraftTopic, Props ingest) {
        SafetySettings safety = SafetySettings.create(config);
        AlertSettings alerts = AlertSettings.create(config);
        ActorRef<Topic.Command<SafetyNotice>> safetyTopic =
                system.systemActorOf(Topic.create(SafetyNotice.class, "safety"), "safety-topic", ingest);
        ActorRef<Topic.Command<AlertNotice>> alertTopic =
                system.systemActorOf(Topic.create(AlertNotice.class, "alerts"), "alerts-topic", ingest);

        EventFeed geofences = new EventFeed();
        EventFeed webhooks = new EventFeed();
        DashboardLog dashboard = new DashboardLog(new EventFeed(), config.getInt("skyspy.dashboard.recent-events"));
        SafetyHub safetyHub = new SafetyHub(fanOut, dashboard);
        AlertHub alertHub = new AlertHub(fanOut, geofences, webhooks, dashboard, alerts.snapshotSize());

        ActorRef<SafetyView.Command> safetyView = system.systemActorOf(SafetyView.create(safetyTopic,
                        new InMemorySafetyEventRepository(safety.history().maxEvents()), safetyHub::accept,
                        System::currentTimeMillis), "safety-view", ingest);
        ConflictMonitor.initSingleton(system, safety, aircraftTopic, safetyTopic);

        system.systemActorOf(TopicFeed.create(alertTopic, alertHub::accept), "alert-feed", ingest);
        WebhookSink sink = alerts.webhooks().enabled()
                ? new HttpWebhookSender(system, alerts.webhooks(), d -> alertTopic.tell(Topic.publish(new AlertNotice.Webhook(d))))
                : WebhookSink.NONE;
        ActorRef<AlertEngine.Command> engine = AlertEngine.initSingleton(system, alerts, aircraftTopic, alertTopic,
                new InMemoryAlertRuleRepository(), new InMemoryAlertHistoryRepository(alerts.history().maxAlerts()), sink);
        return new EventsModule(safety, alerts, safetyTopic, safetyView, engine, safetyHub, alertHub, geofences, webhooks,
                dashboard);
    }

    /** Each aircraft entity's safety rules; their notices go to the cluster-wide safety topic. */
    public AircraftSafety.Factory aircraftSafety() {
        return AircraftSafety.factory(safety, n -> safetyTopic.tell(Topic.publish(n)));
    }

    /** The safety and alerts request types of every session. */
    public List<RequestExtension> requests(SessionSettings session) {
        return List.of(
                new SafetyRequests(safetyView, session.requestTimeout(), safety.history(), System::currentTimeMillis),
                new AlertRequests(engine, session.requestTimeout(), alerts.history(), System::currentTimeMillis));
    }

    /** Snapshots on connect and private-alert registration for every client session. */
    public SessionListener sessionListener(FanOut fanOut) {
        return new EventSessions(fanOut, safetyHub, alertHub);
    }

    /** {@code /ws/events/geofence/}, {@code /ws/dashboard/events/}, {@code /ws/webhooks/status/} and {@code /api/alert-rules/}. */
    public Route routes(Streaming streaming) {
        java.time.Duration timeout = streaming.session().requestTimeout();
        return new AllDirectives() {}.concat(
                new EventRoutes(streaming, geofences, dashboard, webhooks, safetyHub, engine, timeout).route(),
                new AlertRulesRoute(engine, streaming.auth(), timeout, streaming.system()).route());
    }

    public ActorRef<AlertEngine.Command> alertEngine() {
        return engine;
    }
}
