package io.skyspy.app.ws;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Raw WebSocket settings, from {@code skyspy.websocket}.
 *
 * @param maxMessageBytes client messages above this are refused (1009)
 * @param pingInterval how often every connection gets a transport ping
 * @param heartbeatTimeout silence (no frame at all) after which a connection is closed with 4000
 * @param reliableQueue per-connection queue for messages that are never dropped
 * @param positionQueue per-connection queue for position frames, conflated beyond it
 */
public record WsSettings(long maxMessageBytes, Duration pingInterval, Duration heartbeatTimeout, int reliableQueue,
        int positionQueue) {

    public static WsSettings create(Config config) {
        Config c = config.getConfig("skyspy.websocket");
        if (c.getBytes("max-message-size") > 10L * 1024 * 1024) {
            throw new IllegalArgumentException("skyspy.websocket.max-message-size may be at most 10 MiB (the spec's limit)");
        }
        return new WsSettings(c.getBytes("max-message-size"), c.getDuration("ping-interval"),
                c.getDuration("heartbeat-timeout"), c.getInt("reliable-queue"), c.getInt("position-queue"));
    }
}
