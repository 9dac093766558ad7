package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReadsbPollFeedTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final Duration WAIT = Duration.ofSeconds(4);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    static final byte[] FIXTURE = Fixtures.bytes(Fixtures.DC_AIRCRAFT_JSON);

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

    /** Answers the n-th request with the n-th response, and every later one with the last. */
    record Response(int status, byte[] body) {
        static Response ok(byte[] body) {
            return new Response(200, body);
        }

        static Response ok(String body) {
            return new Response(200, body.getBytes(StandardCharsets.UTF_8));
        }

        /** No answer at all: the poll must time out. */
        static final Response HANG = new Response(-1, new byte[0]);
    }

    static HttpServer serve(Response... responses) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/data/aircraft.json", exchange -> answer(exchange,
                responses[Math.min(requests.getAndIncrement(), responses.length - 1)]));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    static void answer(HttpExchange exchange, Response response) throws IOException {
        if (response == Response.HANG) {
            return; // leave the exchange open
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/data/aircraft.json";
    }

    static void stop(HttpServer server) {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Test
    void pollsRecoverFromBrokenDocumentsAndErrors() throws Exception {
        HttpServer server = serve(
                Response.ok(FIXTURE),
                Response.ok("{\"now\": 1589902035, \"aircraft\": [{\"hex\": \"a9bb8b\", \"alt"),
                new Response(500, "oops".getBytes(StandardCharsets.UTF_8)),
                Response.ok(FIXTURE));
        ReadsbPollFeedSettings settings = ReadsbPollFeedSettings.defaults("readsb-poll", url(server))
                .withInterval(Duration.ofMillis(50), Duration.ofSeconds(2));
        FeedStatus status = ReadsbPollFeed.status(settings);
        try (Collected<AircraftReport> reports =
                Collected.run(ReadsbPollFeed.source(KIT.system(), settings, status, CLOCK), KIT.system())) {
            Map<String, AircraftReport> first = byHex(reports.next(36, WAIT));
            assertEquals(36, first.size());
            assertEquals(1_589_902_034_900L, first.get("A9BB8B").receivedAt(), "receive time from the document");
            assertEquals(AircraftField.GROUND, first.get("AA15CC").get(AircraftField.ALT_BARO));
            assertEquals(FeedStatus.State.POLLING, status.state());

            Map<String, AircraftReport> second = byHex(reports.next(36, WAIT));
            assertEquals(first.keySet(), second.keySet());
            eventually(() -> {
                assertEquals(2, status.failures()); // the broken document and the 500
                assertEquals(2, status.connects()); // the first poll and the recovery
                assertEquals(FeedStatus.State.POLLING, status.state());
            });
            assertTrue(status.lastError().contains("HTTP 500"), status.lastError());
            assertEquals(0, status.rejected());
        } finally {
            stop(server);
        }
        eventually(() -> assertEquals(FeedStatus.State.STOPPED, status.state()));
        // whole documents only (the server repeats the last one, so polls between the recovery
        // and the stop may add more): nothing of the broken document was accepted
        long accepted = status.reportsAccepted();
        assertTrue(accepted >= 72 && accepted % 36 == 0, "accepted " + accepted);
    }

    @Test
    void aSilentServerTimesOutAndInvalidAircraftAreCounted() throws Exception {
        HttpServer server = serve(
                Response.HANG,
                Response.ok("{\"now\": 1589902035, \"aircraft\": ["
                        + "{\"hex\": \"a9bb8b\", \"lat\": 91, \"lon\": 0},"
                        + "{\"hex\": \"zzzzzz\"},"
                        + "{\"hex\": \"a1d3ea\", \"gs\": \"fast\"},"
                        + "{\"hex\": \"ae04da\", \"alt_baro\": 12350}]}"));
        ReadsbPollFeedSettings settings = ReadsbPollFeedSettings.defaults("readsb-poll", url(server))
                .withInterval(Duration.ofMillis(50), Duration.ofMillis(300));
        FeedStatus status = ReadsbPollFeed.status(settings);
        try (Collected<AircraftReport> reports =
                Collected.run(ReadsbPollFeed.source(KIT.system(), settings, status, CLOCK), KIT.system())) {
            AircraftReport only = reports.next(WAIT);
            assertEquals("AE04DA", only.hex());
            assertTrue(status.failures() >= 1);
            assertTrue(status.toMap().get("lastError").toString().contains("Timeout"), status.lastError());
            eventually(() -> assertTrue(status.rejected() >= 3));
        } finally {
            stop(server);
        }
    }

    static Map<String, AircraftReport> byHex(List<AircraftReport> reports) {
        return reports.stream().collect(Collectors.toMap(AircraftReport::hex, Function.identity()));
    }
}
