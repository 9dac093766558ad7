package io.skyspy.streams.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.http.impl.engine.ws.FrameData;
import org.apache.pekko.http.impl.engine.ws.FrameHeader;
import org.apache.pekko.http.impl.engine.ws.FrameStart;
import org.apache.pekko.http.impl.engine.ws.Protocol;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;
import scala.Option;

class FrameAssemblerTest {
    private static final int MASK = 0x37fa213d;

    private static byte[] mask(byte[] plain, long offset) {
        byte[] out = plain.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= (byte) (MASK >>> (24 - 8 * (int) ((offset + i) & 3)));
        }
        return out;
    }

    private static FrameStart start(byte opcode, boolean fin, long length, byte[] firstPart) {
        Protocol.Opcode op = WsFrames.opcode(opcode);
        return new FrameStart(new FrameHeader(op, Option.apply(MASK), length, fin, false, false, false),
                ByteString.fromArray(firstPart));
    }

    @Test
    void unmasksAWholeTextFrame() {
        byte[] plain = "{\"action\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
        List<ClientFrame> out = new FrameAssembler(1024).accept(start(WsFrames.TEXT, true, plain.length, mask(plain, 0)));
        assertEquals(List.of(new ClientFrame.Text("{\"action\":\"ping\"}")), out);
    }

    @Test
    void joinsAFrameSplitIntoPartsAndFragmentsWithPingInBetween() {
        FrameAssembler a = new FrameAssembler(1024);
        byte[] first = "hello ".getBytes(StandardCharsets.UTF_8);
        byte[] second = "world".getBytes(StandardCharsets.UTF_8);
        List<ClientFrame> out = new ArrayList<>();
        // first fragment, its data arriving in two parts (mask offset continues)
        byte[] maskedFirst = mask(first, 0);
        out.addAll(a.accept(start(WsFrames.TEXT, false, first.length, java.util.Arrays.copyOf(maskedFirst, 2))));
        out.addAll(a.accept(new FrameData(ByteString.fromArray(java.util.Arrays.copyOfRange(maskedFirst, 2, first.length)), true)));
        // a ping between fragments
        byte[] pingPayload = "p".getBytes(StandardCharsets.UTF_8);
        out.addAll(a.accept(start(WsFrames.PING, true, 1, mask(pingPayload, 0))));
        // the continuation
        out.addAll(a.accept(start(WsFrames.CONTINUATION, true, second.length, mask(second, 0))));
        assertEquals(2, out.size());
        assertEquals(new ClientFrame.Ping(ByteString.fromString("p")), out.get(0));
        assertEquals(new ClientFrame.Text("hello world"), out.get(1));
    }

    @Test
    void oversizedMessageIsRefusedFromItsHeader() {
        FrameAssembler a = new FrameAssembler(10);
        byte[] plain = new byte[20];
        List<ClientFrame> out = a.accept(start(WsFrames.TEXT, true, 20, mask(plain, 0)));
        assertInstanceOf(ClientFrame.TooLarge.class, out.get(0));
        // and the next message is fine again
        byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new ClientFrame.Text("{}")), a.accept(start(WsFrames.TEXT, true, 2, mask(ok, 0))));
    }

    @Test
    void oversizedAcrossFragmentsIsRefused() {
        FrameAssembler a = new FrameAssembler(10);
        assertTrue(a.accept(start(WsFrames.TEXT, false, 8, mask(new byte[8], 0))).isEmpty());
        assertInstanceOf(ClientFrame.TooLarge.class, a.accept(start(WsFrames.CONTINUATION, true, 8, mask(new byte[8], 0))).get(0));
    }

    @Test
    void closeCarriesItsCodeAndBadFramesAreProtocolErrors() {
        FrameAssembler a = new FrameAssembler(100);
        assertEquals(List.of(new ClientFrame.Close(1000)), a.accept(start(WsFrames.CLOSE, true, 2, mask(new byte[] {0x03, (byte) 0xe8}, 0))));
        assertInstanceOf(ClientFrame.ProtocolError.class, new FrameAssembler(100).accept(start(WsFrames.CONTINUATION, true, 1, mask(new byte[1], 0))).get(0));
        assertInstanceOf(ClientFrame.ProtocolError.class,
                new FrameAssembler(100).accept(start(WsFrames.TEXT, true, 2, mask(new byte[] {(byte) 0xc3, 0x28}, 0))).get(0));
        assertInstanceOf(ClientFrame.Binary.class, new FrameAssembler(100).accept(start(WsFrames.BINARY, true, 3, mask(new byte[3], 0))).get(0));
    }
}
