package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SbsFeedTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final Duration WAIT = Duration.ofSeconds(4);
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static String msg(int type, String hex, String rest) {
        return "MSG," + type + ",1,1," + hex + ",1,2024/05/01,13:59:59.000,2024/05/01,13:59:59.000," + rest + "\r\n";
    }

    static SbsFeedSettings settings(int port) {
        return SbsFeedSettings.defaults("sbs-loopback", "127.0.0.1", port)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.1)
                .withMaxLineLength(256);
    }

    static void eventually(Runnable assertion) {
        TestProbe<Object> probe = KIT.createTestProbe();
        probe.awaitAssert(WAIT, Duration.ofMillis(20), () -> {
            assertion.run();
            return null;
        });
    }

    @Test
    void deliversValidReportsCountsRejectsAndReconnectsAfterTheReceiverRestarts() throws Exception {
        String first = msg(3, "A9BB8B", ",32000,,,39.17935,-77.09918,,,0,0,0,0")
                + "\r\n" // heartbeat
                + "this is not SBS\r\n"
                + "STA,,5,179,400AE7,10103,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153,RM\r\n"
                + "MSG,3," + "9".repeat(5000) + "\r\n" // over the line limit
                + msg(1, "a1d3ea", "JTL217  ,,,,,,,,,,,0")
                + msg(3, "ABC123", ",32000,,,91.00000,10.00000,,,0,0,0,0") // impossible latitude
                + msg(4, "A1D3EA", ",,420.5,219.6,,,-832,,,,,0");
        FeedStatus status;
        int port;
        try (FakeLineServer receiver = FakeLineServer.sendAndGoAway(0, first)) {
            port = receiver.port();
            SbsFeedSettings settings = settings(port);
            status = SbsFeed.status(settings);
            try (Collected<AircraftReport> reports =
                    Collected.run(SbsFeed.source(KIT.system(), settings, status, CLOCK), KIT.system())) {
                List<AircraftReport> got = reports.next(3, WAIT);
                assertEquals(List.of("A9BB8B", "A1D3EA", "A1D3EA"), got.stream().map(AircraftReport::hex).toList());
                assertEquals(32000, got.get(0).get(AircraftField.ALT_BARO));
                assertEquals(NOW.toEpochMilli(), got.get(0).receivedAt());
                assertEquals("JTL217", got.get(1).get(AircraftField.FLIGHT));
                assertEquals(420.5, got.get(2).get(AircraftField.GS));
                assertEquals("sbs-loopback", got.get(2).source());

                eventually(() -> {
                    assertEquals(3, status.reportsAccepted());
                    assertEquals(3, status.rejected()); // garbage, over-long, latitude 91
                    assertEquals(2, status.ignored()); // heartbeat, STA
                    assertEquals(1, status.connects());
                    assertEquals(FeedStatus.State.RECONNECTING, status.state());
                });
                assertNotNull(status.lastError());

                // The receiver comes back on the same port.
                try (FakeLineServer restarted =
                        FakeLineServer.sendAndStay(port, msg(8, "AE04DA", ",,,,,,,,,,,"))) {
                    assertEquals(port, restarted.port());
                    AircraftReport alive = reports.next(WAIT);
                    assertEquals("AE04DA", alive.hex());
                    eventually(() -> {
                        assertEquals(2, status.connects());
                        assertEquals(FeedStatus.State.CONNECTED, status.state());
                    });
                    reports.cancel();
                    eventually(() -> assertEquals(FeedStatus.State.STOPPED, status.state()));
                }
            }
        }
        Map<String, Object> health = status.toMap();
        assertEquals("sbs", health.get("kind"));
        assertEquals("127.0.0.1:" + port, health.get("target"));
        assertEquals(4L, health.get("reportsAccepted"));
        assertEquals("STOPPED", health.get("state"));
        assertNotNull(health.get("lastReportAt"));
    }

    @Test
    void keepsRetryingWhileNobodyListens() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free it again: nothing listens there
        }
        SbsFeedSettings settings = settings(port);
        FeedStatus status = SbsFeed.status(settings);
        try (Collected<AircraftReport> reports =
                Collected.run(SbsFeed.source(KIT.system(), settings, status, CLOCK), KIT.system())) {
            eventually(() -> {
                assertEquals(FeedStatus.State.RECONNECTING, status.state());
                assertEquals(true, status.failures() >= 3, "failures " + status.failures());
            });
            assertEquals(0, status.connects());
            assertNull(status.toMap().get("lastReportAt"));
            // and it does connect once the receiver appears
            try (FakeLineServer late = FakeLineServer.sendAndStay(port, msg(5, "A400B2", ",41000,,,,,,,0,,0,0"))) {
                assertEquals(port, late.port());
                assertEquals(41000, reports.next(WAIT).get(AircraftField.ALT_BARO));
            }
        }
    }
}
