package io.skyspy.streams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.acars.AcarsMessage;
import io.skyspy.protocol.alerts.AlertNotice;
import io.skyspy.protocol.alerts.AlertTrigger;
import io.skyspy.protocol.alerts.GeofenceCrossing;
import io.skyspy.protocol.safety.SafetyEvent;
import io.skyspy.protocol.safety.SafetyNotice;
import io.skyspy.protocol.safety.Severity;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import io.skyspy.streams.fanout.Subscriber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who gets which frame: channels, private delivery, the spec 003 feeds and the dashboard's snapshot. */
class EventHubsTest {
    /** A subscriber that keeps what it is offered. */
    static final class Inbox implements Subscriber {
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void offer(Frame frame) {
            frames.add(frame);
        }

        List<String> texts() {
            return frames.stream().map(f -> f.json().decodeString(StandardCharsets.UTF_8)).toList();
        }
    }

    private static AlertTrigger alert(long id, String owner) {
        return new AlertTrigger(id, 1, "r", "A1B2C3", "CS", "m", Severity.MEDIUM, Map.of("hex", "A1B2C3"), 0, owner, false, null, 0);
    }

    @Test
    void aVdl2MessageReachesEveryAcarsFollowerOnceAndAnAcarsOneOnlyTheMessagesTopic() {
        FanOut fanOut = new FanOut();
        AcarsHub hub = new AcarsHub(fanOut, 10);
        Inbox messagesOnly = new Inbox();
        Inbox vdl2Only = new Inbox();
        Inbox both = new Inbox();
        fanOut.subscribe(Channel.ACARS_MESSAGES, messagesOnly);
        fanOut.subscribe(Channel.ACARS_VDLM2, vdl2Only);
        fanOut.subscribe(Channel.ACARS_MESSAGES, both);
        fanOut.subscribe(Channel.ACARS_VDLM2, both);

        hub.accept(acars(1, AcarsMessage.VDLM2));
        hub.accept(acars(2, AcarsMessage.ACARS));

        assertEquals(2, messagesOnly.frames.size());
        assertEquals(1, vdl2Only.frames.size());
        assertEquals(2, both.frames.size(), "once each, though it follows both topics");
        assertTrue(vdl2Only.texts().get(0).startsWith("{\"type\":\"acars:message\",\"data\":{\"id\":1,"));
        assertEquals(List.of(2L, 1L), hub.recent(m -> true, 5).stream().map(m -> m.get("id")).toList(), "newest first");
        assertEquals(List.of(1L), hub.recent(AcarsMessage::vdlm2, 5).stream().map(m -> m.get("id")).toList());
    }

    private static AcarsMessage acars(long id, String source) {
        return new AcarsMessage(id, 1_000, source, 0, "131.550", null, "N1", "WN1", "H1", "2", "D01", null, "T", -10.0, "S");
    }

    @Test
    void privateFramesReachOnlyTheirOwnersConnectionsThatFollowTheChannel() {
        FanOut fanOut = new FanOut();
        Inbox alice = new Inbox();
        Inbox aliceNotFollowing = new Inbox();
        Inbox bob = new Inbox();
        Inbox anon = new Inbox();
        for (Inbox i : List.of(alice, bob, anon)) {
            fanOut.subscribe(Channel.ALERT_TRIGGERS, i);
        }
        fanOut.registerUser("alice", alice);
        fanOut.registerUser("alice", aliceNotFollowing);
        fanOut.registerUser("bob", bob);
        Frame f = Frame.of(Channel.ALERT_TRIGGERS, Lane.RELIABLE, 0, "{}".getBytes(StandardCharsets.UTF_8));
        fanOut.publishToUser("alice", f);
        assertEquals(1, alice.frames.size());
        assertTrue(aliceNotFollowing.frames.isEmpty() && bob.frames.isEmpty() && anon.frames.isEmpty());
        fanOut.registerUser("bob", alice); // the connection re-authenticated as bob
        assertEquals(1, fanOut.userConnectionCount("alice"));
        fanOut.unsubscribeAll(bob);
        assertEquals(1, fanOut.userConnectionCount("bob"), "a closed connection leaves the user registry");
        fanOut.publishToUser("nobody", f);
    }

    @Test
    void theAlertHubRoutesEachNoticeToItsAudience() {
        FanOut fanOut = new FanOut();
        Inbox alice = new Inbox();
        Inbox bob = new Inbox();
        fanOut.subscribe(Channel.ALERT_TRIGGERS, alice);
        fanOut.subscribe(Channel.ALERT_TRIGGERS, bob);
        fanOut.subscribe(Channel.ALERTS, bob);
        fanOut.registerUser("alice", alice);
        EventFeed geofences = new EventFeed();
        Inbox fenceAlice = new Inbox();
        Inbox fenceBob = new Inbox();
        geofences.join(fenceAlice, "alice");
        geofences.join(fenceBob, "bob");
        EventFeed webhooks = new EventFeed();
        DashboardLog dashboard = new DashboardLog(new EventFeed(), 10);
        AlertHub hub = new AlertHub(fanOut, geofences, webhooks, dashboard, 5);

        hub.accept(new AlertNotice.Triggered(alert(1, null)));
        hub.accept(new AlertNotice.Triggered(alert(2, "alice")));
        assertEquals(2, alice.frames.size());
        assertEquals(1, bob.frames.size());
        assertTrue(bob.texts().get(0).startsWith("{\"type\":\"alert:triggered\",\"data\":{\"id\":1,"), bob.texts().get(0));
        hub.accept(new AlertNotice.Acknowledged(List.of(1L), null, "bob", 5));
        assertTrue(bob.texts().get(1).contains("alert:acknowledged"));

        hub.accept(new AlertNotice.Crossed(new GeofenceCrossing("z", "Zone", 2, "A1B2C3", "CS", true, 1, 2, 3000, 9, "alice")));
        assertEquals(1, fenceAlice.frames.size());
        assertTrue(fenceBob.frames.isEmpty(), "a private rule's crossing is for its owner");
        assertTrue(fenceAlice.texts().get(0).startsWith("{\"type\":\"geofence_event\",\"event\":{\"device_id\":\"A1B2C3\""));

        String aliceSnapshot = new String(hub.snapshot(new Principal("alice", "alice", Set.of(), Set.of(), 0), 10), StandardCharsets.UTF_8);
        String anonSnapshot = new String(hub.snapshot(Principal.anonymous(), 10), StandardCharsets.UTF_8);
        assertTrue(aliceSnapshot.contains("\"count\":2"), aliceSnapshot);
        assertTrue(anonSnapshot.contains("\"count\":1") && anonSnapshot.contains("\"acknowledged\":true"), anonSnapshot);
    }

    @Test
    void theDashboardSendsItsSnapshotThenEveryNewEventAndCountsTheDay() {
        DashboardLog log = new DashboardLog(new EventFeed(), 10);
        long day = 1_700_000_000_000L;
        log.record(DashboardLog.GEOFENCE, Map.of("event_type", "entry"), null, "entry", day);
        log.record(DashboardLog.ALERT, Map.of("id", 1), "alice", null, day);
        Inbox bob = new Inbox();
        log.attach(bob, "bob", 3, 42, 1, day + 1);
        String snapshot = bob.texts().get(0);
        assertTrue(snapshot.startsWith("{\"type\":\"dashboard_update\",\"stats\":{\"active_geofences\":3,\"active_devices\":42,"
                + "\"events_today\":2,\"entries_today\":1,\"exits_today\":0"), snapshot);
        assertTrue(snapshot.contains("\"recent_events\":[{\"category\":\"geofence\""), snapshot);
        assertTrue(!snapshot.contains("\"category\":\"alert\""), "alice's private alert is not in bob's snapshot");
        log.record(DashboardLog.SAFETY, Map.of("id", 9), null, null, day + 2);
        assertTrue(bob.texts().get(1).startsWith("{\"type\":\"new_event\",\"event\":{\"category\":\"safety\",\"id\":9"), bob.texts().get(1));
        Inbox tomorrow = new Inbox();
        log.attach(tomorrow, null, 0, 0, 0, day + 86_400_000L);
        assertTrue(tomorrow.texts().get(0).contains("\"events_today\":0"), "counts start over each UTC day");
    }

    @Test
    void theSafetyHubPutsEachEventOnItsOneChannel() {
        FanOut fanOut = new FanOut();
        Inbox tcas = new Inbox();
        Inbox events = new Inbox();
        fanOut.subscribe(Channel.SAFETY_TCAS, tcas);
        fanOut.subscribe(Channel.SAFETY_EVENTS, events);
        SafetyHub hub = new SafetyHub(fanOut, new DashboardLog(new EventFeed(), 10));
        SafetyEvent ra = new SafetyEvent(5, "TCAS_RA", Severity.HIGH, "A1", "CS", null, null, "TCAS Resolution Advisory - Climb",
                null, 1, 1, 0, false, null, 0);
        hub.accept(new SafetyNotice.Opened(ra), ra, List.of(ra));
        assertEquals(1, tcas.frames.size());
        assertTrue(events.frames.isEmpty());
        assertEquals(Lane.RELIABLE, tcas.frames.get(0).lane());
        assertTrue(new String(hub.snapshot(2), StandardCharsets.UTF_8).contains("\"count\":1"));
        hub.accept(new SafetyNotice.Resolved(ra.resolved(3)), ra.resolved(3), List.of());
        assertTrue(tcas.texts().get(1).startsWith("{\"type\":\"safety:event_resolved\""));
        assertEquals(0, hub.activeCount());
    }
}
