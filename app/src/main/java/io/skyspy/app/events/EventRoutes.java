package io.skyspy.app.events;

import io.skyspy.actors.alerts.AlertEngine;
import io.skyspy.app.auth.ConnectionLimits;
import io.skyspy.app.auth.HandshakeCredentials;
import io.skyspy.app.ws.Streaming;
import io.skyspy.protocol.CloseCodes;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.streams.events.DashboardLog;
import io.skyspy.streams.events.EventFeed;
import io.skyspy.streams.events.SafetyHub;
import io.skyspy.streams.fanout.ConnectionOutlet;
import io.skyspy.streams.ws.WsFrames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The spec 003 channels, fed by the alert engine and the safety monitor:
 * <ul>
 *   <li>{@code /ws/events/geofence/}: {@code geofence_event} for every entry and exit of an alert rule's geofence;
 *   <li>{@code /ws/dashboard/events/}: {@code dashboard_update} on connect, then {@code new_event} for every new
 *       safety event, alert and geofence crossing;
 *   <li>{@code /ws/webhooks/status/}: {@code webhook_status} per webhook attempt; administrators only, anyone else
 *       is closed with 4003.
 * </ul>
 * Authentication as on {@code /ws/}: {@code Sec-WebSocket-Protocol: access_token, <token>} (or {@code Bearer}),
 * or the deprecated {@code ?token=}; events of a private rule reach only its owner.
 */
public final class EventRoutes extends AllDirectives {
    private enum Kind { GEOFENCE, DASHBOARD, WEBHOOKS }

    private static final AtomicLong IDS = new AtomicLong();

    private final Streaming streaming;
    private final EventFeed geofences;
    private final DashboardLog dashboard;
    private final EventFeed webhooks;
    private final SafetyHub safety;
    private final ActorRef<AlertEngine.Command> engine;
    private final Duration askTimeout;

    public EventRoutes(Streaming streaming, EventFeed geofences, DashboardLog dashboard, EventFeed webhooks,
            SafetyHub safety, ActorRef<AlertEngine.Command> engine, Duration askTimeout) {
        this.streaming = streaming;
        this.geofences = geofences;
        this.dashboard = dashboard;
        this.webhooks = webhooks;
        this.safety = safety;
        this.engine = engine;
        this.askTimeout = askTimeout;
    }

    public Route route() {
        return pathPrefix("ws", () -> concat(
                pathPrefix("events", () -> pathPrefix("geofence", () -> pathEndOrSingleSlash(() -> socket(Kind.GEOFENCE)))),
                pathPrefix("dashboard", () -> pathPrefix("events", () -> pathEndOrSingleSlash(() -> socket(Kind.DASHBOARD)))),
                pathPrefix("webhooks", () -> pathPrefix("status", () -> pathEndOrSingleSlash(() -> socket(Kind.WEBHOOKS))))));
    }

    private Route socket(Kind kind) {
        return extractRequest(req -> extractClientIP(ip -> parameterMap(params -> connect(kind, req, ip, params))));
    }

    private Route connect(Kind kind, HttpRequest request, RemoteAddress ip, Map<String, String> params) {
        if (!WsFrames.isUpgrade(request)) {
            return complete(StatusCodes.BAD_REQUEST, "Expected a WebSocket upgrade");
        }
        if (!streaming.auth().settings().originAllowed(request.getHeader("Origin").map(h -> h.value()))) {
            return complete(StatusCodes.FORBIDDEN, "Origin not allowed");
        }
        if (!streaming.limits().admitHandshake()) {
            return complete(StatusCodes.SERVICE_UNAVAILABLE, "Too many connection attempts, retry with backoff");
        }
        HandshakeCredentials creds = RequestIdentity.credentials(request, params);
        Optional<Principal> who = RequestIdentity.socket(streaming.auth(), request, params);
        if (who.isEmpty()) {
            return refuse(request, creds, CloseCodes.UNAUTHORIZED, ErrorMessages.INVALID_TOKEN);
        }
        Principal principal = who.get();
        if (kind == Kind.WEBHOOKS && !principal.isAdmin()) {
            return refuse(request, creds, CloseCodes.FORBIDDEN, ErrorMessages.PERMISSION_DENIED);
        }
        String address = ip.getAddress().map(a -> a.getHostAddress()).orElse("unknown");
        String[] why = new String[1];
        ConnectionLimits.Lease lease = streaming.limits().acquire(address, principal, why);
        if (lease == null) {
            return refuse(request, creds, CloseCodes.POLICY_VIOLATION, why[0]);
        }
        ConnectionOutlet outlet = new ConnectionOutlet("feed-" + IDS.incrementAndGet(), streaming.ws().reliableQueue(), 1,
                () -> null);
        outlet.expiresAt(principal.expiresAtMillis());
        FeedConnection connection = new FeedConnection(outlet, () -> opened(kind, outlet, principal),
                () -> closed(outlet, lease), streaming.ws().maxMessageBytes());
        return complete(WsFrames.accept(request, connection.flow(), creds.subprotocol()));
    }

    private void opened(Kind kind, ConnectionOutlet outlet, Principal principal) {
        streaming.registry().add(outlet);
        switch (kind) {
            case GEOFENCE -> geofences.join(outlet, principal.userId());
            case WEBHOOKS -> webhooks.join(outlet, principal.userId());
            case DASHBOARD -> AskPattern.<AlertEngine.Command, AlertEngine.Summary>ask(engine,
                            replyTo -> new AlertEngine.GetSummary(principal, replyTo), askTimeout, streaming.system().scheduler())
                    .whenCompleteAsync((summary, err) -> {
                        if (outlet.closing()) {
                            return;
                        }
                        dashboard.attach(outlet, principal.userId(), summary == null ? 0 : summary.geofences(),
                                streaming.aircraftHub().picture().aircraft().size(), safety.activeCount(), System.currentTimeMillis());
                        if (outlet.closing()) {
                            dashboard.feed().leave(outlet); // closed while attaching
                        }
                    }, streaming.system().executionContext());
        }
    }

    private void closed(ConnectionOutlet outlet, ConnectionLimits.Lease lease) {
        geofences.leave(outlet);
        webhooks.leave(outlet);
        dashboard.feed().leave(outlet);
        streaming.registry().remove(outlet);
        lease.release();
    }

    /** Accepts the upgrade only to say why not: an error message, then a close with the code. */
    private Route refuse(HttpRequest request, HandshakeCredentials creds, int code, String reason) {
        Source<FrameEvent, NotUsed> out = Source.from(List.of(
                WsFrames.text(ServerMessages.error(reason, null)),
                WsFrames.close(code, reason)));
        return complete(WsFrames.accept(request, Flow.fromSinkAndSourceCoupled(Sink.ignore(), out), creds.subprotocol()));
    }
}
