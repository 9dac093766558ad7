package io.skyspy.actors.safety;

import io.skyspy.actors.session.RequestExtension;
import io.skyspy.actors.session.RequestParams;
import io.skyspy.actors.session.SessionEntity;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.safety.SafetyEvent;
import io.skyspy.protocol.safety.SafetyMessages;
import io.skyspy.protocol.safety.Severity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The safety consumer's request types, answered from this node's {@link SafetyView}:
 * <ul>
 *   <li>{@code active_events} ({@code event_type}, {@code severity}) → {@code {events, count, timestamp}}
 *   <li>{@code event_history} / {@code safety-events} ({@code event_type}, {@code icao}, {@code limit}) → the same, newest first
 *   <li>{@code acknowledge} / {@code safety-acknowledge} ({@code event_id} or {@code id}) →
 *       {@code {event_id, acknowledged, event}}; every client following the event's channel gets
 *       {@code safety:event_updated}
 *   <li>{@code safety-event-detail} ({@code event_id} or {@code id}) → the event
 * </ul>
 */
public final class SafetyRequests implements RequestExtension {
    public static final String EVENT_NOT_FOUND = "Event not found";
    private static final Set<String> TYPES = Set.of("active_events", "event_history", "safety-events", "acknowledge",
            "safety-acknowledge", "safety-event-detail");

    private final ActorRef<SafetyView.Command> view;
    private final Duration timeout;
    private final SafetySettings.History limits;
    private final LongSupplier clock;

    public SafetyRequests(ActorRef<SafetyView.Command> view, Duration timeout, SafetySettings.History limits,
            LongSupplier clock) {
        this.view = view;
        this.timeout = timeout;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public <C> void handle(SessionEntity.Request r, Principal principal, ActorContext<C> ctx,
            BiFunction<ActorRef<SessionEntity.Reply>, byte[], C> answered) {
        String id = r.requestId();
        String type = r.type();
        ActorRef<SessionEntity.Reply> to = r.replyTo();
        RequestParams p = new RequestParams(r.params());
        try {
            switch (type) {
                case "active_events" -> {
                    String severityText = p.text("severity");
                    Severity severity = severityText == null ? null : Severity.parse(severityText)
                            .orElseThrow(() -> new RequestParams.Invalid("severity", "severity must be critical, high, medium or low"));
                    String eventType = p.text("event_type");
                    ctx.ask(SafetyView.Events.class, view, timeout, replyTo -> new SafetyView.GetActive(eventType, severity, replyTo),
                            (events, err) -> answered.apply(to, events == null ? failed(id)
                                    : ServerMessages.response(id, type, SafetyMessages.listBody("events", events.events(), clock.getAsLong()))));
                }
                case "event_history", "safety-events" -> {
                    String eventType = p.text("event_type");
                    String icao = p.text("icao", "icao_hex", "hex");
                    int limit = p.intInRange("limit", limits.defaultLimit(), 1, limits.maxLimit());
                    ctx.ask(SafetyView.Events.class, view, timeout,
                            replyTo -> new SafetyView.GetHistory(eventType, icao == null ? null : icao.toUpperCase(java.util.Locale.ROOT), limit, replyTo),
                            (events, err) -> answered.apply(to, events == null ? failed(id)
                                    : ServerMessages.response(id, type, SafetyMessages.listBody("events", events.events(), clock.getAsLong()))));
                }
                case "acknowledge", "safety-acknowledge" -> {
                    Long eventId = p.longValue("event_id", "id");
                    if (eventId == null) {
                        to.tell(new SessionEntity.Reply(ServerMessages.error(ErrorMessages.MISSING_PARAMETER, id, "parameter", "event_id")));
                        return;
                    }
                    String by = principal.name() == null ? "anonymous" : principal.name();
                    ctx.ask(SafetyView.Found.class, view, timeout, replyTo -> new SafetyView.Acknowledge(eventId, by, replyTo),
                            (found, err) -> answered.apply(to, found == null ? failed(id)
                                    : found.event().map(e -> ServerMessages.response(id, type, acknowledged(e)))
                                            .orElseGet(() -> notFound(id, eventId))));
                }
                case "safety-event-detail" -> {
                    Long eventId = p.longValue("event_id", "id");
                    if (eventId == null) {
                        to.tell(new SessionEntity.Reply(ServerMessages.error(ErrorMessages.MISSING_PARAMETER, id, "parameter", "event_id")));
                        return;
                    }
                    ctx.ask(SafetyView.Found.class, view, timeout, replyTo -> new SafetyView.GetEvent(eventId, replyTo),
                            (found, err) -> answered.apply(to, found == null ? failed(id)
                                    : found.event().map(e -> ServerMessages.response(id, type, e.toFullMap()))
                                            .orElseGet(() -> notFound(id, eventId))));
                }
                default -> to.tell(new SessionEntity.Reply(
                        ServerMessages.error(ErrorMessages.UNKNOWN_REQUEST_TYPE, id, "request_type", type)));
            }
        } catch (RequestParams.Invalid e) {
            to.tell(new SessionEntity.Reply(e.error(id)));
        }
    }

    private static Map<String, Object> acknowledged(SafetyEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", e.id());
        m.put("acknowledged", true);
        m.put("event", e.toFullMap());
        return m;
    }

    private static byte[] notFound(String requestId, long eventId) {
        return ServerMessages.error(EVENT_NOT_FOUND, requestId, "event_id", String.valueOf(eventId));
    }

    private static byte[] failed(String id) {
        return ServerMessages.error(ErrorMessages.REQUEST_FAILED, id);
    }
}
