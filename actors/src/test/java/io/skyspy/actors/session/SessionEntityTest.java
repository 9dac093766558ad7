package io.skyspy.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.actors.aircraft.AircraftView;
import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Json;
import io.skyspy.protocol.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SessionEntityTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final SessionSettings SETTINGS = new SessionSettings(Duration.ofMinutes(1), 3, Duration.ofSeconds(2), 10, 25);
    private static final Principal ALICE = new Principal("u1", "alice", Set.of(), Set.of(), 0);

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private ActorRef<SessionEntity.Command> spawn() {
        TestProbe<AircraftView.Command> view = kit.createTestProbe();
        AircraftInfoLookup info = hex -> hex.equals("A1B2C3") ? Optional.of(Map.of("registration", "N12345")) : Optional.empty();
        return kit.spawn(SessionEntity.create("s1", SETTINGS, null, view.ref(), info));
    }

    private SessionEntity.Attached attach(ActorRef<SessionEntity.Command> s, String endpoint, Principal p, List<String> topics, boolean resume) {
        TestProbe<SessionEntity.Attached> probe = kit.createTestProbe();
        s.tell(new SessionEntity.Attach(endpoint, p, topics, resume, probe.ref()));
        return probe.receiveMessage();
    }

    @Test
    void warmAnswersAndStops() {
        ActorRef<SessionEntity.Command> s = spawn();
        TestProbe<Done> probe = kit.createTestProbe();
        s.tell(new SessionEntity.Warm(probe.ref()));
        probe.expectMessage(Done.getInstance());
        probe.expectTerminated(s, Duration.ofSeconds(3));
    }

    @Test
    void attachSubscribeAndChannels() {
        ActorRef<SessionEntity.Command> s = spawn();
        SessionEntity.Attached a = attach(s, "safety", Principal.anonymous(), List.of("tcas"), false);
        assertEquals(List.of("tcas"), a.topics());
        assertEquals(Set.of(Channel.SAFETY_TCAS), a.channels());
        TestProbe<SessionEntity.SubscriptionChanged> probe = kit.createTestProbe();
        s.tell(new SessionEntity.Subscribe(List.of("emergency", "aircraft", "bad topic!"), probe.ref()));
        SessionEntity.SubscriptionChanged c = probe.receiveMessage();
        assertEquals(List.of("emergency"), c.applied());
        assertEquals(List.of("aircraft", "bad topic!"), c.invalid());
        assertEquals(Set.of(Channel.SAFETY_TCAS, Channel.SAFETY_EMERGENCY), c.channels());
    }

    @Test
    void topicLimitAndAudioPermission() {
        ActorRef<SessionEntity.Command> s = spawn();
        attach(s, "all", Principal.anonymous(), List.of("safety"), false);
        TestProbe<SessionEntity.SubscriptionChanged> probe = kit.createTestProbe();
        s.tell(new SessionEntity.Subscribe(List.of("audio"), probe.ref()));
        assertEquals(List.of("audio"), probe.receiveMessage().denied());
        s.tell(new SessionEntity.Subscribe(List.of("acars", "alerts", "notams"), probe.ref()));
        SessionEntity.SubscriptionChanged c = probe.receiveMessage();
        assertEquals(List.of("acars", "alerts"), c.applied());
        assertEquals(List.of("notams"), c.invalid(), "the third topic is over the limit of 3");
    }

    @Test
    void onlyTheSameIdentityResumes() {
        ActorRef<SessionEntity.Command> s = spawn();
        attach(s, "all", ALICE, List.of("safety"), false);
        assertTrue(attach(s, "all", ALICE, List.of("aircraft"), true).resumed());
        SessionEntity.Attached other = attach(s, "all", Principal.anonymous(), List.of("aircraft"), true);
        assertFalse(other.resumed());
        assertEquals(List.of("aircraft"), other.topics());
    }

    @Test
    void requestsAnswerWithTheRequestId() throws Exception {
        ActorRef<SessionEntity.Command> s = spawn();
        attach(s, "aircraft", Principal.anonymous(), List.of("aircraft"), false);
        TestProbe<SessionEntity.Reply> probe = kit.createTestProbe();
        s.tell(new SessionEntity.Request("aircraft-info", "r1", Map.of("icao", "a1b2c3"), probe.ref()));
        var info = Json.MAPPER.readTree(probe.receiveMessage().json());
        assertEquals("r1", info.get("request_id").asText());
        assertEquals("N12345", info.get("data").get("registration").asText());
        s.tell(new SessionEntity.Request("aircraft-info", "r2", Map.of("icao", "nothex"), probe.ref()));
        assertEquals("Missing parameter", Json.MAPPER.readTree(probe.receiveMessage().json()).get("message").asText());
        s.tell(new SessionEntity.Request("nope", "r3", Map.of(), probe.ref()));
        assertEquals("Unknown request type", Json.MAPPER.readTree(probe.receiveMessage().json()).get("message").asText());
    }
}
