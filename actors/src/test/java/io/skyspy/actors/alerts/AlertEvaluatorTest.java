package io.skyspy.actors.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.alerts.GeofenceCrossing;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entry and exit, first sightings, cooldowns at and just before their end, AND/OR, unknown values. */
class AlertEvaluatorTest {
    private static final RuleParser PARSER = new RuleParser(AlertSettings.create(ConfigFactory.load()));
    private final AlertEvaluator evaluator = new AlertEvaluator();

    private static AlertRule rule(long id, String json) {
        try {
            Map<String, Object> in = Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
            return PARSER.build(new StoredRule(id, null, PARSER.normalize(in, null, false), 0, 0));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static AircraftState at(String hex, double lat, double lon, Object alt) {
        Object[] v = new Object[AircraftField.COUNT];
        v[AircraftField.LAT.ordinal()] = lat;
        v[AircraftField.LON.ordinal()] = lon;
        v[AircraftField.ALT_BARO.ordinal()] = alt;
        v[AircraftField.FLIGHT.ordinal()] = "TST" + hex;
        return new AircraftState(hex, v, 1, 1);
    }

    private static final String ZONE = "{\"shape\":\"circle\",\"lat\":0,\"lon\":0,\"radius_nm\":6,\"id\":\"zone\"}";

    @Test
    void entryAndExitAreCrossingsTheFirstSightingIsNot() {
        AlertRule r = rule(1, "{\"name\":\"z\",\"cooldown_seconds\":0,\"conditions\":[{\"type\":\"geofence\",\"operator\":\"entering\",\"value\":" + ZONE + "}]}");
        List<AlertRule> rules = List.of(r);
        AlertEvaluator.Outcome first = evaluator.observe(at("A1", 0, 0, 5000), rules, 0);
        assertTrue(first.isEmpty(), "already inside when first seen: no entry");
        AlertEvaluator.Outcome left = evaluator.observe(at("A1", 0.5, 0, 5000), rules, 1);
        assertFalse(left.crossings().get(0).entry(), "30 nm out: it left");
        assertTrue(left.matches().isEmpty());
        evaluator.removed("A1");
        assertTrue(evaluator.observe(at("A1", 0.2, 0, 5000), rules, 2).isEmpty(), "outside, seen anew");
        AlertEvaluator.Outcome in = evaluator.observe(at("A1", 0.05, 0, 5000), rules, 3);
        GeofenceCrossing entry = in.crossings().get(0);
        assertTrue(entry.entry());
        assertEquals("zone", entry.geofenceId());
        assertEquals(1, in.matches().size(), "entering fires the rule");
        assertTrue(evaluator.observe(at("A1", 0.06, 0, 5000), rules, 4).isEmpty(), "still inside: nothing");
        AlertEvaluator.Outcome out = evaluator.observe(at("A1", 0.2, 0, 5000), rules, 5);
        assertFalse(out.crossings().get(0).entry());
        assertTrue(out.matches().isEmpty(), "an exit does not fire an entering rule");
        // just inside the 6 nm circle is an entry, just outside is not
        io.skyspy.protocol.model.Geo.Point inside = io.skyspy.protocol.model.Geo.destination(0, 0, 0, 5.999);
        io.skyspy.protocol.model.Geo.Point outside = io.skyspy.protocol.model.Geo.destination(0, 0, 0, 6.001);
        assertTrue(evaluator.observe(at("A1", outside.lat(), 0, 5000), rules, 6).isEmpty());
        assertTrue(evaluator.observe(at("A1", inside.lat(), 0, 5000), rules, 7).crossings().get(0).entry());
        // and a point exactly on the boundary is inside
        double radius = io.skyspy.protocol.model.Geo.distanceNm(0, 0, 0.05, 0.05);
        assertTrue(new Geofence.Circle("c", "c", 0, 0, radius).contains(0.05, 0.05));
    }

    @Test
    void theCooldownIsPerRuleAndAircraftAndEndsExactlyOnTime() {
        AlertRule r = rule(2, "{\"name\":\"low\",\"cooldown_seconds\":60,\"conditions\":[{\"type\":\"altitude_below\",\"value\":1000}]}");
        List<AlertRule> rules = List.of(r);
        assertEquals(1, evaluator.observe(at("A1", 1, 1, 800), rules, 0).matches().size());
        assertTrue(evaluator.observe(at("A1", 1, 1, 700), rules, 59_999).matches().isEmpty(), "just before the end");
        assertEquals(1, evaluator.observe(at("B2", 1, 1, 700), rules, 59_999).matches().size(), "another aircraft");
        assertEquals(1, evaluator.observe(at("A1", 1, 1, 700), rules, 60_000).matches().size(), "at the end");
        evaluator.sweep(200_000, id -> 60_000L);
        assertEquals(0, evaluator.trackedAircraft(), "expired cooldowns are forgotten");
    }

    @Test
    void groupsAndUnknownValues() {
        AlertRule r = rule(3, "{\"name\":\"g\",\"cooldown_seconds\":0,\"conditions\":{\"logic\":\"OR\",\"groups\":["
                + "{\"logic\":\"AND\",\"conditions\":[{\"type\":\"altitude\",\"operator\":\"lt\",\"value\":1000},{\"type\":\"callsign\",\"operator\":\"startswith\",\"value\":\"tst\"}]},"
                + "{\"conditions\":[{\"type\":\"registration\",\"operator\":\"eq\",\"value\":\"N12345\"}]}]}}");
        List<AlertRule> rules = List.of(r);
        assertEquals(1, evaluator.observe(at("A1", 1, 1, 900), rules, 0).matches().size());
        assertTrue(evaluator.observe(at("A2", 1, 1, 1000), rules, 0).matches().isEmpty(), "1000 is not below 1000");
        assertTrue(evaluator.observe(at("A3", 1, 1, "ground"), rules, 0).matches().isEmpty(),
                "\"ground\" has no altitude: taxiing is not low flying");
        AlertRule neq = rule(4, "{\"name\":\"n\",\"cooldown_seconds\":0,\"conditions\":[{\"type\":\"registration\",\"operator\":\"neq\",\"value\":\"N1\"}]}");
        assertTrue(evaluator.observe(at("A4", 1, 1, 900), List.of(neq), 0).matches().isEmpty(), "unknown is not 'not N1'");
    }

    @Test
    void disabledAndChangedRules() {
        AlertRule off = rule(5, "{\"name\":\"off\",\"enabled\":false,\"conditions\":[{\"type\":\"altitude_below\",\"value\":1000}]}");
        assertTrue(evaluator.observe(at("A1", 1, 1, 500), List.of(off), 0).isEmpty());
        AlertRule on = rule(6, "{\"name\":\"on\",\"conditions\":[{\"type\":\"altitude_below\",\"value\":1000}]}");
        assertEquals(1, evaluator.observe(at("A1", 1, 1, 500), List.of(on), 0).matches().size());
        evaluator.forgetRule(6);
        assertEquals(1, evaluator.observe(at("A1", 1, 1, 500), List.of(on), 1).matches().size(), "a changed rule starts over");
    }
}
