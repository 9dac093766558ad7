package io.skyspy.app.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SocketIoSettingsTest {

    private static SocketIoSettings of(String hocon) {
        Config c = ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()).resolve();
        return SocketIoSettings.create(c);
    }

    @Test
    void defaultsAreTheProtocolsAndConformanceIsOff() {
        SocketIoSettings s = of("");
        assertEquals("/socket.io", s.path());
        assertEquals(Duration.ofSeconds(25), s.pingInterval());
        assertEquals(Duration.ofSeconds(20), s.pingTimeout());
        assertEquals(1_000_000, s.maxPayload());
        assertEquals(Duration.ofSeconds(45), s.connectTimeout());
        assertFalse(s.conformance());
        assertEquals("", s.sidPrefix());
    }

    @Test
    void conformanceTakesTheSuitesTimings() {
        SocketIoSettings s = of("skyspy.socketio { conformance = true, ping-interval = 1s }");
        assertTrue(s.conformance());
        assertEquals(Duration.ofMillis(300), s.pingInterval());
        assertEquals(Duration.ofMillis(200), s.pingTimeout());
        assertEquals(1_000_000, s.maxPayload());
        assertEquals(Duration.ofMillis(1000), s.connectTimeout());
    }

    @Test
    void pathAndSidPrefixAreChecked() {
        assertEquals("/api/socket.io", of("skyspy.socketio.path = \"api/socket.io/\"").path());
        assertEquals("n1-", of("skyspy.socketio.sid-prefix = \"n1-\"").sidPrefix());
        assertThrows(IllegalArgumentException.class, () -> of("skyspy.socketio.sid-prefix = \"a b\""));
        assertThrows(IllegalArgumentException.class, () -> of("skyspy.socketio.path = \"/\""));
    }
}
