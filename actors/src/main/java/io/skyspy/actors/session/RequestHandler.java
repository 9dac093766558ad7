package io.skyspy.actors.session;

import io.skyspy.actors.aircraft.AircraftEntity;
import io.skyspy.actors.aircraft.AircraftFilter;
import io.skyspy.actors.aircraft.AircraftView;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.Timestamps;
import io.skyspy.protocol.model.AircraftState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * Answers a session's {@code request} actions. Each type either answers at once from in-memory
 * data or asks the actor that owns the data (the node's aircraft view, or the aircraft entity
 * for its track) with the context's ask, so the session never blocks and never touches another
 * actor's state.
 */
final class RequestHandler {
    private static final Pattern HEX = Pattern.compile("^~?[0-9A-Fa-f]{6}$");

    private final ActorSystem<?> system;
    private final ActorRef<AircraftView.Command> view;
    private final AircraftInfoLookup info;
    private final SessionSettings settings;
    private final List<RequestExtension> extensions;

    RequestHandler(ActorSystem<?> system, ActorRef<AircraftView.Command> view, AircraftInfoLookup info, SessionSettings settings) {
        this(system, view, info, settings, List.of());
    }

    /** @param extensions features' own request types (safety, alerts), asked in order after the built-in ones */
    RequestHandler(ActorSystem<?> system, ActorRef<AircraftView.Command> view, AircraftInfoLookup info, SessionSettings settings,
            List<RequestExtension> extensions) {
        this.system = system;
        this.view = view;
        this.info = info;
        this.settings = settings;
        this.extensions = List.copyOf(extensions);
    }

    <C> void handle(SessionEntity.Request r, String sessionId, Principal principal, List<String> topics, ActorContext<C> ctx, BiFunction<ActorRef<SessionEntity.Reply>, byte[], C> answered) {
        String id = r.requestId();
        String type = r.type();
        Map<String, Object> p = r.params();
        ActorRef<SessionEntity.Reply> to = r.replyTo();
        switch (type) {
            case "aircraft" -> {
                String hex = hexParam(p);
                if (hex == null) {
                    to.tell(missing(id, "icao"));
                    return;
                }
                ctx.ask(AircraftEntity.Current.class, AircraftEntity.ref(system, hex), settings.requestTimeout(),
                        AircraftEntity.Get::new,
                        (current, err) -> answered.apply(to, current == null
                                ? failed(id)
                                : current.state().map(s -> ServerMessages.response(id, type, single(s, current)))
                                        .orElseGet(() -> ServerMessages.error(ErrorMessages.AIRCRAFT_NOT_FOUND, id))));
            }
            case "aircraft_list" -> {
                AircraftFilter filter;
                try {
                    filter = AircraftFilter.fromParams(p);
                } catch (IllegalArgumentException e) {
                    to.tell(new SessionEntity.Reply(ServerMessages.error(ErrorMessages.MISSING_PARAMETER, id, "parameter", e.getMessage())));
                    return;
                }
                ctx.ask(AircraftView.Listed.class, view, settings.requestTimeout(),
                        replyTo -> new AircraftView.ListAircraft(filter, replyTo),
                        (listed, err) -> answered.apply(to, listed == null ? failed(id)
                                : ServerMessages.response(id, type, list(listed))));
            }
            case "aircraft-stats" -> ctx.ask(AircraftView.Statistics.class, view, settings.requestTimeout(),
                    AircraftView.GetStatistics::new,
                    (stats, err) -> answered.apply(to, stats == null ? failed(id)
                            : ServerMessages.response(id, type, stats.stats())));
            case "aircraft-info" -> {
                String hex = hexParam(p);
                if (hex == null) {
                    to.tell(missing(id, "icao"));
                    return;
                }
                Optional<Map<String, Object>> found = info.info(hex);
                to.tell(new SessionEntity.Reply(found.map(i -> ServerMessages.response(id, type, i))
                        .orElseGet(() -> ServerMessages.error(ErrorMessages.AIRCRAFT_NOT_FOUND, id))));
            }
            case "aircraft-info-bulk" -> {
                Object icaos = p.get("icaos");
                if (!(icaos instanceof List<?> list)) {
                    to.tell(missing(id, "icaos"));
                    return;
                }
                Map<String, Object> out = new LinkedHashMap<>();
                list.stream().limit(settings.maxBulkIcaos()).map(String::valueOf).filter(h -> HEX.matcher(h).matches())
                        .map(String::toUpperCase)
                        .forEach(h -> info.info(h).ifPresent(i -> out.put(h, i)));
                to.tell(new SessionEntity.Reply(ServerMessages.response(id, type, out)));
            }
            case "session-info" -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("session_id", sessionId);
                info.put("authenticated", principal.authenticated());
                info.put("user", principal.name());
                info.put("roles", principal.roles().stream().sorted().toList());
                info.put("permissions", principal.permissions().stream().sorted().toList());
                info.put("topics", topics);
                to.tell(new SessionEntity.Reply(ServerMessages.response(id, type, info)));
            }
            default -> {
                for (RequestExtension x : extensions) {
                    if (x.handles(type)) {
                        x.handle(r, principal, ctx, answered);
                        return;
                    }
                }
                to.tell(new SessionEntity.Reply(
                        ServerMessages.error(ErrorMessages.UNKNOWN_REQUEST_TYPE, id, "request_type", type)));
            }
        }
    }

    private static String hexParam(Map<String, Object> p) {
        Object v = p.get("icao");
        if (v == null) {
            v = p.get("hex");
        }
        if (v == null) {
            v = p.get("icao_hex");
        }
        if (v == null || !HEX.matcher(v.toString()).matches()) {
            return null;
        }
        return v.toString().toUpperCase();
    }

    private static SessionEntity.Reply missing(String id, String parameter) {
        return new SessionEntity.Reply(ServerMessages.error(ErrorMessages.MISSING_PARAMETER, id, "parameter", parameter));
    }

    private static byte[] failed(String id) {
        return ServerMessages.error(ErrorMessages.REQUEST_FAILED, id);
    }

    private static Map<String, Object> single(AircraftState s, AircraftEntity.Current current) {
        Map<String, Object> m = s.wireMap();
        List<Map<String, Object>> track = new ArrayList<>();
        current.track().forEach(pt -> track.add(pt.toMap()));
        m.put("track_history", track);
        return m;
    }

    private static Map<String, Object> list(AircraftView.Listed listed) {
        List<Map<String, Object>> aircraft = listed.aircraft().stream().map(AircraftState::wireMap).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aircraft", aircraft);
        m.put("count", aircraft.size());
        m.put("timestamp", Timestamps.iso(listed.timestamp()));
        return m;
    }
}
