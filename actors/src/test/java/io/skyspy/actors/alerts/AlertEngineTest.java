package io.skyspy.actors.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.alerts.AlertNotice;
import io.skyspy.protocol.alerts.AlertTrigger;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The alert engine as an actor: rule management and who may see and change what, and firing to the topic. */
class AlertEngineTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Principal ALICE = new Principal("user:alice", "alice", Set.of(), Set.of(), 0);
    private static final Principal BOB = new Principal("user:bob", "bob", Set.of(), Set.of(), 0);
    private static final Principal ADMIN = new Principal("user:root", "root", Set.of("admin"), Set.of(), 0);
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private AlertEngine.RuleReply ask(ActorRef<AlertEngine.Command> engine,
            java.util.function.Function<ActorRef<AlertEngine.RuleReply>, AlertEngine.Command> m) {
        TestProbe<AlertEngine.RuleReply> p = kit.createTestProbe();
        engine.tell(m.apply(p.ref()));
        return p.receiveMessage(WAIT);
    }

    private List<com.fasterxml.jackson.databind.JsonNode> list(ActorRef<AlertEngine.Command> engine, Principal who, boolean mine) {
        TestProbe<AlertEngine.RuleList> p = kit.createTestProbe();
        engine.tell(new AlertEngine.ListRules(who, true, mine, p.ref()));
        return p.receiveMessage(WAIT).rules();
    }

    private static com.fasterxml.jackson.databind.JsonNode rule(String name, String visibility, String hex) {
        return tree(Map.of("name", name, "visibility", visibility, "cooldown_seconds", 0,
                "conditions", List.of(Map.of("type", "hex", "operator", "eq", "value", hex))));
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(Map<String, Object> m) {
        return io.skyspy.protocol.Json.MAPPER.valueToTree(m);
    }

    @Test
    void rulesAreManagedByTheirOwnerAndSeenByWhomTheyAllow() {
        ActorRef<Topic.Command<AircraftEvent>> aircraft = kit.spawn(Topic.create(AircraftEvent.class, "aircraft-e1"));
        ActorRef<Topic.Command<AlertNotice>> alerts = kit.spawn(Topic.create(AlertNotice.class, "alerts-e1"));
        ActorRef<AlertEngine.Command> engine = kit.spawn(AlertEngine.create(AlertSettings.create(ConfigFactory.load()), aircraft,
                alerts, new InMemoryAlertRuleRepository(), new InMemoryAlertHistoryRepository(100), WebhookSink.NONE, now::get));

        AlertEngine.RuleReply mine = ask(engine, r -> new AlertEngine.CreateRule(rule("mine", "private", "A00001"), ALICE, r));
        assertEquals(AlertEngine.Outcome.CREATED, mine.outcome());
        long id = mine.rule().get("id").asLong();
        assertEquals("user:alice", mine.rule().get("owner").asText());
        AlertEngine.RuleReply pub = ask(engine, r -> new AlertEngine.CreateRule(rule("pub", "public", "A00002"), Principal.anonymous(), r));
        assertTrue(pub.rule().get("owner").isNull(), "an anonymous creator owns nothing");

        assertEquals(2, list(engine, ALICE, false).size());
        assertEquals(1, list(engine, BOB, false).size(), "bob sees only the public rule");
        assertEquals(2, list(engine, ADMIN, false).size());
        assertEquals(1, list(engine, ALICE, true).size(), "my-subscriptions: alice's own");

        assertEquals(AlertEngine.Outcome.NOT_FOUND, ask(engine, r -> new AlertEngine.GetRule(id, BOB, r)).outcome());
        assertEquals(AlertEngine.Outcome.NOT_FOUND,
                ask(engine, r -> new AlertEngine.UpdateRule(id, tree(Map.of("enabled", false)), true, BOB, r)).outcome());
        AlertEngine.RuleReply patched = ask(engine, r -> new AlertEngine.UpdateRule(id, tree(Map.of("priority", "critical")), true, ALICE, r));
        assertEquals("critical", patched.rule().get("priority").asText());
        assertEquals("private", patched.rule().get("visibility").asText(), "a patch keeps what it does not send");
        AlertEngine.RuleReply bad = ask(engine, r -> new AlertEngine.UpdateRule(id, tree(Map.of("priority", "urgent")), true, ALICE, r));
        assertEquals(AlertEngine.Outcome.INVALID, bad.outcome());
        assertEquals("priority", bad.field());

        // a public rule someone owns: others may read it, not change it
        long bobs = ask(engine, r -> new AlertEngine.CreateRule(rule("bobs", "public", "A00003"), BOB, r)).rule().get("id").asLong();
        assertEquals(AlertEngine.Outcome.OK, ask(engine, r -> new AlertEngine.GetRule(bobs, ALICE, r)).outcome());
        assertEquals(AlertEngine.Outcome.FORBIDDEN, ask(engine, r -> new AlertEngine.DeleteRule(bobs, ALICE, r)).outcome());
        assertEquals(AlertEngine.Outcome.DELETED, ask(engine, r -> new AlertEngine.DeleteRule(bobs, ADMIN, r)).outcome());
        assertEquals(AlertEngine.Outcome.NOT_FOUND, ask(engine, r -> new AlertEngine.GetRule(bobs, ADMIN, r)).outcome());
    }

    @Test
    void matchingAircraftFireToTheTopicWithTheRulesAudience() {
        ActorRef<Topic.Command<AircraftEvent>> aircraft = kit.spawn(Topic.create(AircraftEvent.class, "aircraft-e2"));
        ActorRef<Topic.Command<AlertNotice>> alerts = kit.spawn(Topic.create(AlertNotice.class, "alerts-e2"));
        TestProbe<AlertNotice> listener = kit.createTestProbe();
        alerts.tell(Topic.subscribe(listener.ref()));
        List<String> hooked = new CopyOnWriteArrayList<>();
        ActorRef<AlertEngine.Command> engine = kit.spawn(AlertEngine.create(
                AlertSettings.create(ConfigFactory.parseString("skyspy.alerts.webhooks.enabled = true").withFallback(ConfigFactory.load())),
                aircraft, alerts, new InMemoryAlertRuleRepository(), new InMemoryAlertHistoryRepository(100),
                (alert, url) -> hooked.add(alert.id() + " " + url), now::get));
        com.fasterxml.jackson.databind.node.ObjectNode withHook = (com.fasterxml.jackson.databind.node.ObjectNode) rule("mine", "private", "B00001");
        withHook.put("webhook_url", "https://hooks.example.com/x");
        long id = ask(engine, r -> new AlertEngine.CreateRule(withHook, ALICE, r)).rule().get("id").asLong();

        Object[] v = new Object[AircraftField.COUNT];
        v[AircraftField.FLIGHT.ordinal()] = "ABC123";
        v[AircraftField.ALT_BARO.ordinal()] = 3000;
        AircraftState s = new AircraftState("B00001", v, 0, 0);
        TestProbe<Object> probe = kit.createTestProbe();
        AlertNotice n = probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            aircraft.tell(Topic.publish(new AircraftEvent.New(s)));
            return listener.receiveMessage(Duration.ofMillis(200));
        });
        AlertTrigger a = assertInstanceOf(AlertNotice.Triggered.class, n).alert();
        assertEquals(id, a.ruleId());
        assertEquals("user:alice", a.owner(), "a private rule's alert is addressed to its owner");
        assertEquals("Alert 'mine' triggered for ABC123", a.message());
        assertEquals(3000, a.aircraftData().get("alt_baro"));
        assertEquals(1, a.id());
        probe.awaitAssert(WAIT, () -> {
            assertTrue(hooked.get(0).endsWith("https://hooks.example.com/x"));
            return null;
        });

        TestProbe<AlertEngine.AlertList> history = kit.createTestProbe();
        engine.tell(new AlertEngine.GetAlerts(BOB, 0, 10, history.ref()));
        assertTrue(history.receiveMessage(WAIT).alerts().isEmpty(), "bob's history has no alice alerts");
        engine.tell(new AlertEngine.GetAlerts(ALICE, 0, 10, history.ref()));
        assertEquals(1, history.receiveMessage(WAIT).alerts().size());
    }
}
