package io.skyspy.app.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.skyspy.protocol.Channel;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Broadcast frames are encoded for Socket.IO once per node and namespace, then shared by every recipient. */
class FrameSocketIoTest {

    @Test
    void encodedOncePerNamespaceAndShared() {
        Frame f = Frame.of(Channel.AIRCRAFT, Lane.POSITION, 7,
                "{\"type\":\"batch\",\"messages\":[],\"seq\":7}".getBytes(StandardCharsets.UTF_8));
        Frame.SocketIo main = f.socketIo("/");
        assertSame(main, f.socketIo("/"));
        assertSame(main.ws(), OutPacket.of(f.socketIo("/")).ws());
        assertEquals("42[\"batch\",{\"messages\":[],\"seq\":7}]", main.packet().utf8String());
        Frame.SocketIo acars = f.socketIo("/acars");
        assertSame(acars, f.socketIo("/acars"));
        assertEquals("42/acars,[\"batch\",{\"messages\":[],\"seq\":7}]", acars.packet().utf8String());
        assertSame(main, f.socketIo("/"));
    }
}
