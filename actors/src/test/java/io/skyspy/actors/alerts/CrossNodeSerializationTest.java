package io.skyspy.actors.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.actors.session.RequestParams;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.acars.AcarsMessage;
import io.skyspy.protocol.alerts.AlertNotice;
import io.skyspy.protocol.alerts.AlertTrigger;
import io.skyspy.protocol.safety.SafetyEvent;
import io.skyspy.protocol.safety.SafetyNotice;
import io.skyspy.protocol.safety.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What crosses nodes, through the actor system's own serializer (Jackson CBOR, with the Scala
 * module): nested JSON must come back as the same JSON, not as Scala collections.
 */
class CrossNodeSerializationTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final Serialization serialization = SerializationExtension.get(Adapter.toClassic(kit.system()));

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        byte[] bytes = serialization.serialize(value).get();
        var serializer = serialization.findSerializerFor(value);
        return (T) serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, value)).get();
    }

    private static String json(Object v) {
        return new String(Json.bytes(v), StandardCharsets.UTF_8);
    }

    @Test
    void safetyNoticesKeepTheirNestedDetails() {
        SafetyEvent e = new SafetyEvent(1, "proximity_conflict", Severity.HIGH, "A1", "UAL1", "B2", "DAL2", "m",
                SafetyEvent.tree(Map.of("aircraft_1", Map.of("hex", "A1", "lat", 34.5), "list", List.of(1, 2))),
                1, 2, 0, false, null, 0);
        SafetyNotice.Opened back = assertInstanceOf(SafetyNotice.Opened.class, roundTrip(new SafetyNotice.Opened(e)));
        assertEquals(json(e.toEventMap()), json(back.event().toEventMap()));
    }

    @Test
    void acarsMessagesCrossUnchanged() {
        AcarsMessage m = new AcarsMessage(7, 1769990352439L, AcarsMessage.VDLM2, null, "136.650", "ABFDAF", "N8719Q",
                "WN2340", "H1", "3", "D09", "!", "TEXT\r\n", -16.6, "CS-KABQ-VDLM");
        assertEquals(m, roundTrip(m));
    }

    @Test
    void alertNoticesAndEngineMessagesKeepTheirJson() {
        AlertTrigger a = new AlertTrigger(3, 4, "r", "A1", "CS", "m", Severity.LOW, Map.of("hex", "A1", "alt_baro", "ground"),
                5, "user:alice", false, null, 0);
        AlertNotice.Triggered t = assertInstanceOf(AlertNotice.Triggered.class, roundTrip(new AlertNotice.Triggered(a)));
        assertEquals(json(a.toSpecMap()), json(t.alert().toSpecMap()));
        JsonNode body = Json.MAPPER.valueToTree(Map.of("name", "x",
                "conditions", List.of(Map.of("type", "geofence", "value", Map.of("points", List.of(List.of(0, 0), List.of(0, 1)))))));
        AlertEngine.CreateRule create = roundTrip(new AlertEngine.CreateRule(body, Principal.anonymous(),
                kit.createTestProbe(AlertEngine.RuleReply.class).ref()));
        assertEquals(body, create.body());
        AlertEngine.RuleList list = roundTrip(new AlertEngine.RuleList(List.of(body)));
        assertEquals(json(body), json(list.rules().get(0)));
    }

    @Test
    void requestParamsTurnScalaCollectionsBackIntoJavaOnes() {
        Object scalaList = scala.jdk.javaapi.CollectionConverters.asScala(List.of(
                scala.jdk.javaapi.CollectionConverters.asScala(Map.of("type", "hex")))).toList();
        RequestParams p = new RequestParams(Map.of("conditions", scalaList));
        Object c = p.raw().get("conditions");
        assertInstanceOf(List.class, c);
        assertInstanceOf(Map.class, ((List<?>) c).get(0));
    }
}
