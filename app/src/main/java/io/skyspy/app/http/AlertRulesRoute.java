package io.skyspy.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.actors.alerts.AlertEngine;
import io.skyspy.app.auth.Authenticator;
import io.skyspy.app.events.RequestIdentity;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * Alert rules over REST, the same rules and checks as the socket's {@code alert-rule-*} requests:
 * <pre>
 * GET    /api/alert-rules/          the rules you may see (?include_disabled=true, ?mine=true)
 * POST   /api/alert-rules/          create; 201 with the rule
 * GET    /api/alert-rules/{id}/     one rule
 * PUT    /api/alert-rules/{id}/     replace (fields not sent take their defaults)
 * PATCH  /api/alert-rules/{id}/     change the fields sent
 * DELETE /api/alert-rules/{id}/     204
 * </pre>
 * Errors are JSON: 400 {@code {"error":"Invalid rule","field":"conditions.groups[0].conditions[1].value","detail":...}},
 * 401 without acceptable credentials, 403 for someone else's rule, 404, 503 when the engine does not answer in time.
 * {@code Authorization: Bearer <JWT or API key>}; anonymous callers (public/hybrid modes) may only manage public
 * rules nobody owns.
 */
public final class AlertRulesRoute extends AllDirectives {
    private final ActorRef<AlertEngine.Command> engine;
    private final Authenticator auth;
    private final Duration timeout;
    private final Scheduler scheduler;
    private final Executor dispatcher;

    public AlertRulesRoute(ActorRef<AlertEngine.Command> engine, Authenticator auth, Duration timeout, ActorSystem<?> system) {
        this.engine = engine;
        this.auth = auth;
        this.timeout = timeout;
        this.scheduler = system.scheduler();
        this.dispatcher = system.executionContext();
    }

    public Route route() {
        return pathPrefix("api", () -> pathPrefix("alert-rules", () -> extractRequest(req -> {
            Optional<Principal> who = RequestIdentity.rest(auth, req);
            if (who.isEmpty()) {
                return complete(json(StatusCodes.UNAUTHORIZED, Map.of("error", "Authentication required")));
            }
            Principal p = who.get();
            return concat(
                    pathEndOrSingleSlash(() -> concat(
                            get(() -> parameterOptional("include_disabled", inc -> parameterOptional("mine", mine ->
                                    list(p, inc.map(Boolean::parseBoolean).orElse(false), mine.map(Boolean::parseBoolean).orElse(false))))),
                            post(() -> entity(Unmarshaller.entityToString(), body -> withBody(body,
                                    m -> rule(replyTo -> new AlertEngine.CreateRule(m, p, replyTo))))))),
                    pathPrefix(PathMatchers.longSegment(), id -> pathEndOrSingleSlash(() -> concat(
                            get(() -> rule(replyTo -> new AlertEngine.GetRule(id, p, replyTo))),
                            put(() -> entity(Unmarshaller.entityToString(), body -> withBody(body,
                                    m -> rule(replyTo -> new AlertEngine.UpdateRule(id, m, false, p, replyTo))))),
                            patch(() -> entity(Unmarshaller.entityToString(), body -> withBody(body,
                                    m -> rule(replyTo -> new AlertEngine.UpdateRule(id, m, true, p, replyTo))))),
                            delete(() -> rule(replyTo -> new AlertEngine.DeleteRule(id, p, replyTo)))))));
        })));
    }

    private Route withBody(String body, java.util.function.Function<JsonNode, Route> then) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            m = null;
        }
        if (m == null || !m.isObject()) {
            return complete(json(StatusCodes.BAD_REQUEST, Map.of("error", "Invalid JSON format", "field", "body",
                    "detail", "the body must be a JSON object")));
        }
        return then.apply(m);
    }

    private Route list(Principal p, boolean includeDisabled, boolean mine) {
        CompletionStage<HttpResponse> r = AskPattern.<AlertEngine.Command, AlertEngine.RuleList>ask(engine,
                        replyTo -> new AlertEngine.ListRules(p, includeDisabled, mine, replyTo), timeout, scheduler)
                .thenApplyAsync(l -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("rules", l.rules());
                    body.put("count", l.rules().size());
                    return json(StatusCodes.OK, body);
                }, dispatcher)
                .exceptionally(err -> unavailable());
        return completeWithFuture(r);
    }

    private Route rule(org.apache.pekko.japi.function.Function<ActorRef<AlertEngine.RuleReply>, AlertEngine.Command> message) {
        CompletionStage<HttpResponse> r = AskPattern.ask(engine, message, timeout, scheduler)
                .thenApplyAsync(AlertRulesRoute::toResponse, dispatcher)
                .exceptionally(err -> unavailable());
        return completeWithFuture(r);
    }

    private static HttpResponse toResponse(AlertEngine.RuleReply reply) {
        return switch (reply.outcome()) {
            case OK -> json(StatusCodes.OK, reply.rule());
            case CREATED -> json(StatusCodes.CREATED, reply.rule());
            case DELETED -> HttpResponse.create().withStatus(StatusCodes.NO_CONTENT);
            case INVALID -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", "Invalid rule");
                body.put("field", reply.field());
                body.put("detail", reply.message());
                yield json(StatusCodes.BAD_REQUEST, body);
            }
            case NOT_FOUND -> json(StatusCodes.NOT_FOUND, Map.of("error", "Rule not found"));
            case FORBIDDEN -> json(StatusCodes.FORBIDDEN, Map.of("error", "Permission denied", "detail", reply.message()));
            case FAILED -> unavailable();
        };
    }

    private static HttpResponse unavailable() {
        return json(StatusCodes.SERVICE_UNAVAILABLE, Map.of("error", "Request failed"));
    }

    private static HttpResponse json(StatusCode status, Object body) {
        return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, Json.bytes(body)));
    }
}
