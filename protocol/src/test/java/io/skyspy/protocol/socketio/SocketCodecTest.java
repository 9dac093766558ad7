package io.skyspy.protocol.socketio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SocketCodecTest {
    private static final int MAX = 10;

    private static SocketPacket ok(String text) {
        Decoded<SocketPacket> d = SocketCodec.decode(text, MAX);
        assertTrue(d.isOk(), () -> text + ": " + d.reason());
        return d.value();
    }

    private static void bad(String text) {
        assertFalse(SocketCodec.decode(text, MAX).isOk(), text);
    }

    @Test
    void connectToTheMainAndCustomNamespaces() {
        SocketPacket main = ok("0");
        assertEquals(SocketPacketType.CONNECT, main.type());
        assertEquals("/", main.namespace());
        assertNull(main.data());
        assertEquals("123", ok("0{\"token\":\"123\"}").data().get("token").asText());
        assertEquals("/custom", ok("0/custom,").namespace());
        assertEquals("/custom", ok("0/custom").namespace());
        SocketPacket withAuth = ok("0/custom,{\"token\":\"abc\"}");
        assertEquals("/custom", withAuth.namespace());
        assertEquals("abc", withAuth.data().get("token").asText());
    }

    @Test
    void eventsWithAndWithoutAckIds() {
        SocketPacket e = ok("2[\"message\",1,\"2\",{\"3\":[true]}]");
        assertEquals("message", e.eventName());
        assertFalse(e.hasAck());
        assertEquals("[1,\"2\",{\"3\":[true]}]", SocketCodec.toJson(e.args()));
        SocketPacket a = ok("2456[\"message-with-ack\",1]");
        assertEquals(456, a.ackId());
        SocketPacket ns = ok("2/audio,7[\"request\",{}]");
        assertEquals("/audio", ns.namespace());
        assertEquals(7, ns.ackId());
        assertEquals(3, ok("3/x,3[1]").ackId());
    }

    @Test
    void refusesWhatTheOfficialParserRefuses() {
        bad("");
        bad("abc");
        bad("7[]");
        bad("2{}");
        bad("2abc[\"message-with-ack\",1]");
        bad("2[]");
        bad("2[1]");
        bad("2[\"connect\"]");
        bad("2[\"disconnect\"]");
        bad("2");
        bad("0[]");
        bad("0\"x\"");
        bad("1{}");
        bad("3[");
        bad("3{}");
        bad("3[1]");
        bad("2[\"a\"]trailing");
        bad("5[\"a\"]");
        bad("5x-[\"a\"]");
        bad("5-[\"a\"]");
        bad("5999999999-[\"a\"]");
        bad("511-[\"a\"]");
        bad("21234567890123456[\"a\"]");
        bad("0/" + "x".repeat(SocketCodec.MAX_NAMESPACE_LENGTH) + ",");
        bad("2" + "[".repeat(200) + "]".repeat(200));
    }

    @Test
    void neverThrowsOnRandomInput() {
        Random r = new Random(42);
        String alphabet = "0123456789-/,[]{}\":abc\u001e\\ \u00e9";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(24);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            SocketCodec.decode(sb.toString(), MAX);
            EngineCodec.decodePayload(sb.toString());
        }
    }

    @Test
    void encodesLikeTheReferenceServer() {
        assertEquals("0{\"sid\":\"s1\"}", SocketCodec.encodeText(SocketPacket.connect("/", "s1")));
        assertEquals("0/custom,{\"sid\":\"s1\"}", SocketCodec.encodeText(SocketPacket.connect("/custom", "s1")));
        assertEquals("4/random,{\"message\":\"Invalid namespace\"}",
                SocketCodec.encodeText(SocketPacket.connectError("/random", "Invalid namespace")));
        assertEquals("1/custom,", SocketCodec.encodeText(SocketPacket.disconnect("/custom")));
        assertEquals("1", SocketCodec.encodeText(SocketPacket.disconnect("/")));
        assertEquals("2[\"auth\",{}]",
                SocketCodec.encodeText(SocketPacket.event("/", "auth", JsonNodeFactory.instance.objectNode())));
        SocketPacket in = ok("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        assertEquals("3456[1,\"2\",{\"3\":[false]}]", SocketCodec.encodeText(SocketPacket.ack("/", in.ackId(), in.args())));
    }

    @Test
    void binaryEventsRoundTripWithPlaceholdersInOrder() throws Exception {
        PacketAssembler asm = new PacketAssembler(MAX);
        assertInstanceOf(PacketAssembler.Result.Incomplete.class,
                asm.text("52-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"));
        assertTrue(asm.awaiting());
        assertInstanceOf(PacketAssembler.Result.Incomplete.class, asm.binary(new byte[] {1, 2, 3}));
        PacketAssembler.Result r = asm.binary(new byte[] {4, 5, 6});
        SocketPacket p = ((PacketAssembler.Result.Complete) r).packet();
        assertFalse(asm.awaiting());
        assertArrayEquals(new byte[] {1, 2, 3}, p.data().get(1).binaryValue().clone());

        var echo = p.args();
        echo.insert(0, TextNode.valueOf("message-back"));
        SocketCodec.Encoded enc = SocketCodec.encode(new SocketPacket(SocketPacketType.EVENT, "/", SocketPacket.NO_ACK, echo, 0));
        assertEquals("52-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", enc.text());
        assertEquals(2, enc.attachments().size());
        assertArrayEquals(new byte[] {4, 5, 6}, enc.attachments().get(1));

        SocketCodec.Encoded ack = SocketCodec.encode(SocketPacket.ack("/", 789, JsonNodeFactory.instance.arrayNode()
                .add(BinaryNode.valueOf(new byte[] {9})).add(1)));
        assertEquals("61-789[{\"_placeholder\":true,\"num\":0},1]", ack.text());
    }

    @Test
    void assemblerRefusesOutOfOrderMessages() {
        PacketAssembler asm = new PacketAssembler(MAX);
        assertInstanceOf(PacketAssembler.Result.Failed.class, asm.binary(new byte[] {1}));
        asm = new PacketAssembler(MAX);
        asm.text("51-[\"m\",{\"_placeholder\":true,\"num\":0}]");
        assertInstanceOf(PacketAssembler.Result.Failed.class, asm.text("2[\"m\"]"));
        asm = new PacketAssembler(MAX);
        asm.text("51-[\"m\",{\"_placeholder\":true,\"num\":3}]");
        assertInstanceOf(PacketAssembler.Result.Failed.class, asm.binary(new byte[] {1}));
        asm = new PacketAssembler(2);
        assertInstanceOf(PacketAssembler.Result.Failed.class, asm.text("53-[\"m\"]"));
    }

    @Test
    void binaryTypeWithoutAttachmentsIsComplete() {
        PacketAssembler asm = new PacketAssembler(MAX);
        assertInstanceOf(PacketAssembler.Result.Complete.class, asm.text("50-[\"m\"]"));
        List<byte[]> none = List.of();
        assertFalse(BinaryPlaceholders.reconstruct(ok("2[\"m\",{\"_placeholder\":true,\"num\":0}]").data(), none).isOk());
    }
}
