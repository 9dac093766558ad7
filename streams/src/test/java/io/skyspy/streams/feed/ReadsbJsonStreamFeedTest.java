package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReadsbJsonStreamFeedTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final Duration WAIT = Duration.ofSeconds(4);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static void eventually(Runnable assertion) {
        TestProbe<Object> probe = KIT.createTestProbe();
        probe.awaitAssert(WAIT, Duration.ofMillis(20), () -> {
            assertion.run();
            return null;
        });
    }

    @Test
    void deliversValidAircraftCountsRejectsAndReconnects() throws Exception {
        String first = "{\"now\" : 1690000000.000,\"hex\":\"4ca2d6\",\"type\":\"adsb_icao\",\"flight\":\"RYR4TW  \","
                        + "\"alt_baro\":37000,\"gs\":452.1,\"track\":88.2,\"lat\":53.1,\"lon\":-6.2,\"seen_pos\":0.2,\"seen\":0.1}\n"
                + "\n"
                + "{\"now\" : 1690000000.000,\"hex\":\"4ca2d6\",\"alt_baro\":\n" // cut off mid-object
                + "{\"now\" : 1690000000.000,\"hex\":\"abc123\",\"lat\":91.0,\"lon\":0.0}\n"
                + "{\"now\" : 1690000000.000,\"hex\":\"abc123\",\"flight\":\"" + "X".repeat(3000) + "\"}\n"
                + "{\"now\" : 1690000000.000,\"hex\":\"~c0ffee\",\"type\":\"tisb_other\",\"alt_baro\":\"ground\",\"seen\":1}\n";
        ReadsbJsonStreamFeedSettings settings;
        FeedStatus status;
        try (FakeLineServer receiver = FakeLineServer.sendAndGoAway(0, first)) {
            settings = ReadsbJsonStreamFeedSettings.defaults("readsb-json", "localhost", receiver.port())
                    .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.1)
                    .withMaxLineLength(1024);
            status = ReadsbJsonStreamFeed.status(settings);
            try (Collected<AircraftReport> reports =
                    Collected.run(ReadsbJsonStreamFeed.source(KIT.system(), settings, status, CLOCK), KIT.system())) {
                List<AircraftReport> got = reports.next(2, WAIT);
                assertEquals("4CA2D6", got.get(0).hex());
                assertEquals("RYR4TW", got.get(0).get(AircraftField.FLIGHT));
                assertEquals(1_689_999_999_900L, got.get(0).receivedAt());
                assertEquals(1_689_999_999_800L, got.get(0).positionAt());
                assertEquals("~C0FFEE", got.get(1).hex());
                assertEquals(AircraftField.GROUND, got.get(1).get(AircraftField.ALT_BARO));
                assertEquals(Boolean.TRUE, got.get(1).get(AircraftField.TISB));

                eventually(() -> {
                    assertEquals(2, status.reportsAccepted());
                    assertEquals(3, status.rejected()); // truncated object, latitude 91, over-long line
                    assertEquals(1, status.ignored());
                    assertEquals(FeedStatus.State.RECONNECTING, status.state());
                });

                try (FakeLineServer restarted = FakeLineServer.sendAndStay(
                        settings.port(), "{\"hex\":\"a9bb8b\",\"alt_baro\":32000}\n")) {
                    assertEquals(settings.port(), restarted.port());
                    AircraftReport next = reports.next(WAIT);
                    assertEquals("A9BB8B", next.hex());
                    assertEquals(CLOCK.millis(), next.receivedAt(), "no now on the line: the clock");
                    eventually(() -> {
                        assertEquals(2, status.connects());
                        assertEquals(FeedStatus.State.CONNECTED, status.state());
                    });
                }
            }
        }
        eventually(() -> assertEquals(FeedStatus.State.STOPPED, status.state()));
    }
}
