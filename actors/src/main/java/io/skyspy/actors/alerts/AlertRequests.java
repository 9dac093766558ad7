package io.skyspy.actors.alerts;

import io.skyspy.actors.session.RequestExtension;
import io.skyspy.actors.session.RequestParams;
import io.skyspy.actors.session.SessionEntity;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.ErrorMessages;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.Timestamps;
import io.skyspy.protocol.alerts.AlertTrigger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The alerts consumer's request types, answered by the alert engine:
 * <ul>
 *   <li>{@code alerts} / {@code alert-history} ({@code hours}, {@code limit}) → {@code {alerts, count, timestamp}}
 *   <li>{@code alert-rules} ({@code include_disabled}) → {@code {rules, count, timestamp}}: rules the user may see
 *   <li>{@code alert-rule} ({@code id}) → the rule
 *   <li>{@code alert-rule-create} (the rule's fields, in {@code params} or {@code params.rule}) → the rule
 *   <li>{@code alert-rule-update} ({@code id} and the fields to change) → the rule
 *   <li>{@code alert-rule-delete} ({@code id}) → {@code {id, deleted}}
 *   <li>{@code acknowledge-alert} ({@code id} or {@code alert_id}) / {@code acknowledge-all-alerts} → {@code {ids, count}}
 *   <li>{@code my-subscriptions} → the user's own rules and the private channel they arrive on
 * </ul>
 * A bad rule is {@code {"type":"error","message":"Invalid rule","field":...,"detail":...}}.
 */
public final class AlertRequests implements RequestExtension {
    public static final String INVALID_RULE = "Invalid rule";
    public static final String RULE_NOT_FOUND = "Rule not found";
    public static final String ALERT_NOT_FOUND = "Alert not found";
    private static final Set<String> TYPES = Set.of("alerts", "alert-history", "alert-rules", "alert-rule",
            "alert-rule-create", "alert-rule-update", "alert-rule-delete", "acknowledge-alert", "acknowledge-all-alerts",
            "my-subscriptions");

    private final ActorRef<AlertEngine.Command> engine;
    private final Duration timeout;
    private final AlertSettings.History limits;
    private final LongSupplier clock;

    public AlertRequests(ActorRef<AlertEngine.Command> engine, Duration timeout, AlertSettings.History limits, LongSupplier clock) {
        this.engine = engine;
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
                case "alerts", "alert-history" -> {
                    int hours = p.intInRange("hours", limits.defaultHours(), 1, limits.maxHours());
                    int limit = p.intInRange("limit", limits.defaultLimit(), 1, limits.maxLimit());
                    long since = clock.getAsLong() - hours * 3_600_000L;
                    ctx.ask(AlertEngine.AlertList.class, engine, timeout,
                            replyTo -> new AlertEngine.GetAlerts(principal, since, limit, replyTo),
                            (list, err) -> answered.apply(to, list == null ? failed(id)
                                    : ServerMessages.response(id, type, alertList(list.alerts()))));
                }
                case "alert-rules", "my-subscriptions" -> {
                    boolean mine = type.equals("my-subscriptions");
                    boolean includeDisabled = mine || p.flag("include_disabled", false);
                    ctx.ask(AlertEngine.RuleList.class, engine, timeout,
                            replyTo -> new AlertEngine.ListRules(principal, includeDisabled, mine, replyTo),
                            (list, err) -> answered.apply(to, list == null ? failed(id)
                                    : ServerMessages.response(id, type, mine ? subscriptions(principal, list.rules()) : ruleList(list.rules()))));
                }
                case "alert-rule" -> {
                    long ruleId = required(p.longValue("id", "rule_id"), "id");
                    askRule(ctx, answered, to, id, type, replyTo -> new AlertEngine.GetRule(ruleId, principal, replyTo));
                }
                case "alert-rule-create" -> {
                    JsonNode body = Json.MAPPER.valueToTree(ruleBody(p));
                    askRule(ctx, answered, to, id, type, replyTo -> new AlertEngine.CreateRule(body, principal, replyTo));
                }
                case "alert-rule-update" -> {
                    long ruleId = required(p.longValue("id", "rule_id"), "id");
                    Map<String, Object> fields = new LinkedHashMap<>(ruleBody(p));
                    fields.remove("rule_id");
                    JsonNode body = Json.MAPPER.valueToTree(fields);
                    askRule(ctx, answered, to, id, type,
                            replyTo -> new AlertEngine.UpdateRule(ruleId, body, true, principal, replyTo));
                }
                case "alert-rule-delete" -> {
                    long ruleId = required(p.longValue("id", "rule_id"), "id");
                    askRule(ctx, answered, to, id, type, replyTo -> new AlertEngine.DeleteRule(ruleId, principal, replyTo));
                }
                case "acknowledge-alert", "acknowledge-all-alerts" -> {
                    Long alertId = type.equals("acknowledge-alert") ? required(p.longValue("id", "alert_id"), "id") : null;
                    ctx.ask(AlertEngine.Acked.class, engine, timeout,
                            replyTo -> new AlertEngine.AcknowledgeAlerts(principal, alertId, replyTo),
                            (acked, err) -> answered.apply(to, acked == null ? failed(id)
                                    : acked.outcome() == AlertEngine.Outcome.NOT_FOUND
                                            ? ServerMessages.error(ALERT_NOT_FOUND, id, "id", String.valueOf(alertId))
                                            : ServerMessages.response(id, type, ackBody(acked.ids()))));
                }
                default -> to.tell(new SessionEntity.Reply(
                        ServerMessages.error(ErrorMessages.UNKNOWN_REQUEST_TYPE, id, "request_type", type)));
            }
        } catch (MissingParameter e) {
            to.tell(new SessionEntity.Reply(ServerMessages.error(ErrorMessages.MISSING_PARAMETER, id, "parameter", e.getMessage())));
        } catch (RequestParams.Invalid e) {
            to.tell(new SessionEntity.Reply(e.error(id)));
        }
    }

    private <C> void askRule(ActorContext<C> ctx, BiFunction<ActorRef<SessionEntity.Reply>, byte[], C> answered,
            ActorRef<SessionEntity.Reply> to, String id, String type,
            org.apache.pekko.japi.function.Function<ActorRef<AlertEngine.RuleReply>, AlertEngine.Command> message) {
        ctx.ask(AlertEngine.RuleReply.class, engine, timeout, message::apply,
                (reply, err) -> answered.apply(to, reply == null ? failed(id) : ruleReply(id, type, reply)));
    }

    /** A rule reply as a response or an error frame. */
    public static byte[] ruleReply(String id, String type, AlertEngine.RuleReply reply) {
        return switch (reply.outcome()) {
            case OK, CREATED -> ServerMessages.response(id, type, reply.rule());
            case DELETED -> ServerMessages.response(id, type, Map.of("id", reply.rule().get("id").asLong(), "deleted", true));
            case INVALID -> invalidRule(id, reply.field(), reply.message());
            case NOT_FOUND -> ServerMessages.error(RULE_NOT_FOUND, id);
            case FORBIDDEN -> ServerMessages.error(ErrorMessages.PERMISSION_DENIED, id, "detail", reply.message());
            case FAILED -> failed(id);
        };
    }

    private static byte[] invalidRule(String requestId, String field, String detail) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "error");
            g.writeStringField("message", INVALID_RULE);
            if (requestId != null) {
                g.writeStringField("request_id", requestId);
            }
            g.writeStringField("field", field);
            g.writeStringField("detail", detail);
            g.writeEndObject();
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ruleBody(RequestParams p) {
        Object nested = p.raw().get("rule");
        if (nested instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> body = new LinkedHashMap<>(p.raw());
        body.remove("id");
        return body;
    }

    private Map<String, Object> alertList(List<AlertTrigger> alerts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alerts", alerts.stream().map(AlertTrigger::toFullMap).toList());
        m.put("count", alerts.size());
        m.put("timestamp", Timestamps.iso(clock.getAsLong()));
        return m;
    }

    private Map<String, Object> ruleList(List<JsonNode> rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rules", rules);
        m.put("count", rules.size());
        m.put("timestamp", Timestamps.iso(clock.getAsLong()));
        return m;
    }

    private Map<String, Object> subscriptions(Principal principal, List<JsonNode> rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", principal.userId());
        m.put("authenticated", principal.authenticated());
        m.put("channels", principal.authenticated() ? List.of("alerts_user_" + principal.userId()) : List.of());
        m.put("rules", rules);
        m.put("count", rules.size());
        m.put("timestamp", Timestamps.iso(clock.getAsLong()));
        return m;
    }

    private static Map<String, Object> ackBody(List<Long> ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ids", ids);
        m.put("count", ids.size());
        m.put("acknowledged", true);
        return m;
    }

    private static final class MissingParameter extends Exception {
        MissingParameter(String parameter) {
            super(parameter, null, false, false);
        }
    }

    private static long required(Long v, String name) throws MissingParameter {
        if (v == null) {
            throw new MissingParameter(name);
        }
        return v;
    }

    private static byte[] failed(String id) {
        return ServerMessages.error(ErrorMessages.REQUEST_FAILED, id);
    }
}
