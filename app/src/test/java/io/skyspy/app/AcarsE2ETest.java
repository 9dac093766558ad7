package io.skyspy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.Await;
import io.skyspy.app.support.TestServer;
import io.skyspy.app.support.WsClient;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ACARS end to end: a real station's recorded acarsdec and dumpvdl2 JSON sent as UDP datagrams to
 * the real server, and WebSocket clients on {@code /ws/acars/} receiving {@code acars:message}.
 */
class AcarsE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static int udpPort;
    private static TestServer server;
    private static DatagramSocket sender;

    @BeforeAll
    static void start() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udpPort = probe.getLocalPort();
        }
        sender = new DatagramSocket();
        server = TestServer.start("""
                skyspy.feeds = []
                skyspy.acars.host = "127.0.0.1"
                skyspy.acars.udp-ports = [%d]
                """.formatted(udpPort));
    }

    @AfterAll
    static void stop() {
        server.close();
        sender.close();
    }

    private static void send(String datagram) {
        byte[] b = datagram.getBytes(StandardCharsets.UTF_8);
        try {
            sender.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), udpPort));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fixture(String name, int count) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("fixtures").resolve("acars").resolve(name);
            if (Files.isRegularFile(p)) {
                return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).limit(count).toList();
            }
        }
        throw new IllegalStateException("no shared/fixtures/acars/" + name);
    }

    private static WsClient attached(String path) {
        WsClient c = WsClient.connect(server.ws(path));
        c.send("{\"action\":\"ping\"}");
        c.awaitType("pong", WAIT);
        return c;
    }

    private static List<JsonNode> acarsMessages(WsClient c) {
        List<JsonNode> out = new ArrayList<>();
        for (WsClient.Received r : c.seen()) {
            if (r.json() != null && r.json().path("type").asText().equals("acars:message")) {
                out.add(r.json().get("data"));
            }
        }
        return out;
    }

    @Test
    void theCommandLineTakesTheUdpPorts() {
        assertEquals(List.of(5550, 5555), CommandLine.parse(new String[] {"--acars-udp", "5550", "--acars-udp", "5555"})
                .config().getIntList("skyspy.acars.udp-ports"));
        assertEquals(List.of(), CommandLine.parse(new String[0]).config().getIntList("skyspy.acars.udp-ports"), "off by default");
    }

    @Test
    void aStationsMessagesReachTheirTopicsOnceEachAndAnswerTheMessagesRequest() throws IOException {
        try (WsClient all = attached("/ws/acars/"); WsClient vdl2Only = attached("/ws/acars/?topics=vdlm2")) {
            // the listener binds in the background: a probe goes out until one comes through
            String probe = "{\"freq\":131.55,\"channel\":1,\"level\":-10,\"timestamp\":1700000000.5,\"label\":\"Q0\","
                    + "\"tail\":\".N12345\",\"flight\":\"UAL123\",\"text\":\"PROBE\"}";
            Await.until("the ACARS listener to deliver", WAIT, () -> {
                send(probe);
                all.drain();
                return acarsMessages(all).size() == 1;
            });
            JsonNode first = acarsMessages(all).get(0);
            assertEquals("ACARS", first.get("source").asText());
            assertEquals("131.550", first.get("frequency").asText());
            assertEquals("N12345", first.get("registration").asText());
            assertEquals("UAL123", first.get("callsign").asText());
            assertEquals("2023-11-14T22:13:20.500Z", first.get("timestamp").asText());

            // 20 acarsdec messages, 20 dumpvdl2 frames of which 13 carry ACARS, garbage, and a copy
            List<String> acars = fixture("raw-acars-messages.jsonl", 20);
            List<String> vdl2 = fixture("raw-vdlm2-messages.jsonl", 20);
            acars.forEach(AcarsE2ETest::send);
            send("this is not JSON");
            send("{\"freq\":1090,\"timestamp\":1}");
            vdl2.forEach(AcarsE2ETest::send);
            send(acars.get(0));
            send(probe.replace("PROBE", "LAST"));

            all.await(r -> r.text().contains("\"LAST\""), WAIT);
            all.drain();
            assertEquals(1 + 20 + 13 + 1, acarsMessages(all).size(), "each message once, nothing for garbage or the copy");
            vdl2Only.await(r -> r.text().contains("acars:message") && r.text().contains("VDLM2"), WAIT);
            Await.until("13 VDL2 messages on the vdlm2 topic", WAIT, () -> {
                vdl2Only.drain();
                return acarsMessages(vdl2Only).size() == 13;
            });
            assertTrue(acarsMessages(vdl2Only).stream().allMatch(m -> m.get("source").asText().equals("VDLM2")));

            all.send("{\"action\":\"request\",\"type\":\"messages\",\"request_id\":\"m1\",\"params\":{\"label\":\"SQ\",\"limit\":100}}");
            JsonNode response = all.awaitType("response", WAIT);
            assertEquals("m1", response.get("request_id").asText());
            JsonNode listed = response.get("data").get("messages");
            assertEquals(listed.size(), response.get("data").get("count").asInt());
            assertTrue(listed.size() > 0);
            for (JsonNode m : listed) {
                assertEquals("SQ", m.get("label").asText());
            }
        }
    }
}
