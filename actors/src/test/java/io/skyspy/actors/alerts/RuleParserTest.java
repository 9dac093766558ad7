package io.skyspy.actors.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.safety.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule validation: canonical forms, the accepted shorthands, and an error naming the field for every kind of mistake. */
class RuleParserTest {
    private static final AlertSettings S = AlertSettings.create(ConfigFactory.load());
    private static final AlertSettings HOOKS = AlertSettings.create(
            ConfigFactory.parseString("skyspy.alerts.webhooks.enabled = true").withFallback(ConfigFactory.load()));
    private final RuleParser parser = new RuleParser(S);

    private static Map<String, Object> json(String text) {
        try {
            return Json.MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private AlertRule build(String text, boolean authenticated) throws RuleValidationException {
        Map<String, Object> d = parser.normalize(json(text), null, authenticated);
        return parser.build(new StoredRule(9, authenticated ? "user:alice" : null, d, 1, 2));
    }

    private RuleValidationException error(RuleParser p, String text, boolean authenticated) {
        return assertThrows(RuleValidationException.class, () -> p.normalize(json(text), null, authenticated));
    }

    private void fails(String text, String field, String detailPart) {
        RuleValidationException e = error(parser, text, true);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(detailPart), e.getMessage());
    }

    @Test
    void theFullFormWithDefaults() throws Exception {
        AlertRule r = build("""
                {"name":" Low Altitude Alert ","conditions":{"logic":"OR","groups":[
                  {"logic":"AND","conditions":[{"type":"altitude","operator":"lt","value":1000},{"type":"military","value":true}]},
                  {"conditions":[{"type":"geofence","operator":"exiting","value":{"lat":34,"lon":-118,"radius_nm":5}}]}]}}""", false);
        assertEquals("Low Altitude Alert", r.name());
        assertEquals(Severity.MEDIUM, r.priority());
        assertEquals(S.defaultCooldown(), r.cooldown());
        assertTrue(r.enabled());
        assertFalse(r.isPrivate(), "anonymous rules are public");
        assertEquals(Condition.Logic.OR, r.condition().logic());
        assertEquals(2, r.condition().conditions().size());
        assertEquals("rule-9-fence-0", r.fences().get(0).id());
        Map<String, Object> d = r.definition();
        assertEquals("public", d.get("visibility"));
        assertEquals(300L, d.get("cooldown_seconds"));
    }

    @Test
    void shorthandsListsAndTheOriginalSingleConditionForm() throws Exception {
        AlertRule a = build("{\"name\":\"a\",\"priority\":\"warning\",\"cooldown_minutes\":2,"
                + "\"conditions\":[{\"type\":\"altitude_below\",\"value\":\"1000\"},{\"type\":\"icao\",\"value\":\"A1B2C3\"}]}", true);
        assertEquals(Severity.MEDIUM, a.priority(), "the original's warning");
        assertEquals(Duration.ofMinutes(2), a.cooldown());
        assertTrue(a.isPrivate(), "an authenticated user's rule is private unless it says otherwise");
        Condition.Group g = (Condition.Group) a.condition().conditions().get(0);
        assertEquals(new Condition.NumberTest(Subject.ALTITUDE, Condition.NumberOp.LT, 1000), g.conditions().get(0));
        AlertRule b = build("{\"name\":\"b\",\"rule_type\":\"callsign\",\"operator\":\"startswith\",\"value\":\"UAL\",\"priority\":\"info\"}", false);
        assertEquals(Severity.LOW, b.priority());
        AlertRule c = build("{\"name\":\"c\",\"conditions\":[{\"type\":\"entering_geofence\",\"value\":"
                + "{\"shape\":\"polygon\",\"points\":[[0,0],[0,1],[1,1],[1,0],[0,0]],\"id\":\"box\",\"name\":\"Box\"}}]}", false);
        Geofence.Polygon p = (Geofence.Polygon) c.fences().get(0);
        assertEquals(4, p.lats().length, "the closing point is dropped");
        assertEquals("box", p.id());
        AlertRule d = build("{\"name\":\"d\",\"conditions\":[{\"type\":\"squawk\",\"operator\":\"in\",\"value\":\"7500, 7600,7700\"}]}", false);
        Condition.TextTest t = (Condition.TextTest) ((Condition.Group) d.condition().conditions().get(0)).conditions().get(0);
        assertEquals(List.of("7500", "7600", "7700"), t.values());
    }

    @Test
    void partialUpdatesKeepWhatTheyDoNotSend() throws Exception {
        Map<String, Object> base = parser.normalize(json("{\"name\":\"a\",\"priority\":\"high\",\"conditions\":[{\"type\":\"military\"}]}"),
                null, true);
        Map<String, Object> patched = parser.normalize(json("{\"enabled\":false}"), base, true);
        assertEquals("high", patched.get("priority"));
        assertEquals(false, patched.get("enabled"));
        assertEquals(base.get("conditions"), patched.get("conditions"));
        Map<String, Object> reconditioned = parser.normalize(json("{\"rule_type\":\"speed\",\"operator\":\"gt\",\"value\":300}"), base, true);
        assertTrue(reconditioned.get("conditions").toString().contains("speed"));
        // a rule read back from the server can be sent again as it is
        Map<String, Object> again = parser.normalize(json(Json.MAPPER.writeValueAsString(
                build("{\"name\":\"x\",\"conditions\":[{\"type\":\"military\"}]}", true).toMap(true))), null, true);
        assertEquals("x", again.get("name"));
    }

    @Test
    void everyMistakeNamesItsField() {
        fails("{\"conditions\":[{\"type\":\"military\"}]}", "name", "required");
        fails("{\"name\":\"" + "n".repeat(101) + "\",\"conditions\":[{\"type\":\"military\"}]}", "name", "longer");
        fails("{\"name\":\"a\",\"prioirty\":\"high\",\"conditions\":[{\"type\":\"military\"}]}", "prioirty", "unknown field");
        fails("{\"name\":\"a\",\"priority\":\"urgent\",\"conditions\":[{\"type\":\"military\"}]}", "priority", "critical, high");
        fails("{\"name\":\"a\",\"enabled\":\"yes\",\"conditions\":[{\"type\":\"military\"}]}", "enabled", "true or false");
        fails("{\"name\":\"a\",\"cooldown_seconds\":-1,\"conditions\":[{\"type\":\"military\"}]}", "cooldown_seconds", "between");
        fails("{\"name\":\"a\",\"visibility\":\"secret\",\"conditions\":[{\"type\":\"military\"}]}", "visibility", "public or private");
        fails("{\"name\":\"a\"}", "conditions", "at least one");
        fails("{\"name\":\"a\",\"conditions\":[]}", "conditions", "at least one");
        fails("{\"name\":\"a\",\"conditions\":{\"logic\":\"XOR\",\"groups\":[{\"conditions\":[{\"type\":\"military\"}]}]}}",
                "conditions.logic", "AND or OR");
        fails("{\"name\":\"a\",\"conditions\":{\"groups\":[{\"conditions\":[]}]}}", "conditions.groups[0].conditions", "at least one");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"wingspan\",\"operator\":\"gt\",\"value\":1}]}", "conditions[0].type", "unknown");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"altitude\",\"value\":1}]}", "conditions[0].operator", "required");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"altitude\",\"operator\":\"contains\",\"value\":1}]}", "conditions[0].operator", "numbers");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"speed\",\"operator\":\"gt\",\"value\":\"fast\"}]}", "conditions[0].value", "number");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"callsign\",\"operator\":\"regex\",\"value\":\"UAL[\"}]}", "conditions[0].value", "regular expression");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"callsign\",\"operator\":\"lt\",\"value\":\"A\"}]}", "conditions[0].operator", "text");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"squawk\",\"value\":\"7800\"}]}", "conditions[0].value", "octal");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"hex\",\"value\":\"XYZ\"}]}", "conditions[0].value", "hexadecimal");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"military\",\"value\":\"maybe\"}]}", "conditions[0].value", "true or false");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"military\",\"units\":\"x\"}]}", "conditions[0].units", "unknown field");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"altitude_above\",\"operator\":\"lt\",\"value\":1}]}", "conditions[0].operator", "implies");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"geofence\",\"operator\":\"near\",\"value\":{\"lat\":0,\"lon\":0,\"radius_nm\":1}}]}",
                "conditions[0].operator", "inside, outside");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"geofence\",\"value\":{\"lat\":0,\"lon\":0,\"radius_nm\":0}}]}",
                "conditions[0].value.radius_nm", "above 0");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"geofence\",\"value\":{\"lat\":91,\"lon\":0,\"radius_nm\":1}}]}",
                "conditions[0].value.lat", "between -90 and 90");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"geofence\",\"value\":{\"shape\":\"polygon\",\"points\":[[0,0],[0,181],[1,1]]}}]}",
                "conditions[0].value.points[1].lon", "between -180 and 180");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"geofence\",\"value\":{\"shape\":\"polygon\",\"points\":[[0,0],[0,1],[1,0],[1,1]]}}]}",
                "conditions[0].value.points", "intersects itself");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"geofence\",\"value\":{\"shape\":\"hexagon\"}}]}", "conditions[0].value.shape", "circle or polygon");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"geofence\",\"value\":{\"lat\":0,\"lon\":0,\"radius_nm\":1,\"id\":\"z\"}},"
                + "{\"type\":\"geofence\",\"value\":{\"lat\":1,\"lon\":1,\"radius_nm\":1,\"id\":\"z\"}}]}", "conditions", "share the id");
        fails("{\"name\":\"a\",\"webhook_url\":\"https://example.com/h\",\"conditions\":[{\"type\":\"military\"}]}", "webhook_url", "disabled");
        RuleValidationException anon = error(parser, "{\"name\":\"a\",\"visibility\":\"private\",\"conditions\":[{\"type\":\"military\"}]}", false);
        assertEquals("visibility", anon.field());
        RuleParser hooks = new RuleParser(HOOKS);
        assertEquals("webhook_url", error(hooks, "{\"name\":\"a\",\"webhook_url\":\"ftp://x/y\",\"conditions\":[{\"type\":\"military\"}]}", true).field());
        assertEquals("api_url", error(hooks, "{\"name\":\"a\",\"api_url\":\"not a url\",\"conditions\":[{\"type\":\"military\"}]}", true).field());
    }

    @Test
    void limitsAreEnforced() {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i <= S.maxGroups(); i++) {
            groups.append(i == 0 ? "" : ",").append("{\"conditions\":[{\"type\":\"military\"}]}");
        }
        fails("{\"name\":\"a\",\"conditions\":{\"groups\":[" + groups + "]}}", "conditions.groups", "at most");
        fails("{\"name\":\"a\",\"conditions\":[{\"type\":\"callsign\",\"operator\":\"contains\",\"value\":\"" + "x".repeat(201) + "\"}]}",
                "conditions[0].value", "longer");
    }
}
