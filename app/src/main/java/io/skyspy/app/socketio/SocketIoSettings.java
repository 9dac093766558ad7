package io.skyspy.app.socketio;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Socket.IO settings, from {@code skyspy.socketio}. The defaults are the Engine.IO / Socket.IO
 * protocol's own (the SkySpy spec names none); with {@code conformance} on, the timings come
 * from {@code conformance-profile} instead: what the official conformance suites expect.
 *
 * @param path where Socket.IO is served ({@code /socket.io})
 * @param pingInterval how often the server pings each connection
 * @param pingTimeout how long it waits for the pong before closing the connection
 * @param maxPayload the largest polling POST body or WebSocket message a client may send, in bytes
 * @param connectTimeout a connection that joins no namespace within this is closed
 * @param upgradeTimeout a started upgrade not completed within this is abandoned (polling goes on)
 * @param postTimeout how long a polling POST body may take to arrive
 * @param maxAttachments binary attachments one packet may announce
 * @param controlQueue per connection: engine packets, acks and per-client packets not yet sent
 * @param namespaceBuffer per namespace connection: frames buffered on their way into the connection
 * @param mainNamespaceTopics topics a main-namespace connection follows before it subscribes
 * @param conformance serve the suites' echo handlers and {@code /engine.io/} (never in production)
 * @param sidPrefix put in front of every sid this node issues, so a load balancer can route a
 *     connection's requests to its node by the {@code sid} query parameter alone
 */
public record SocketIoSettings(String path, Duration pingInterval, Duration pingTimeout, long maxPayload,
        Duration connectTimeout, Duration upgradeTimeout, Duration postTimeout, int maxAttachments, int controlQueue,
        int namespaceBuffer, List<String> mainNamespaceTopics, boolean conformance, String sidPrefix) {
    // URL-safe without escaping, and short: it travels in every request's query
    private static final Pattern SID_PREFIX = Pattern.compile("^[A-Za-z0-9_-]{0,32}$");

    public SocketIoSettings {
        if (!SID_PREFIX.matcher(sidPrefix).matches()) {
            throw new IllegalArgumentException("skyspy.socketio.sid-prefix must be up to 32 of A-Z a-z 0-9 _ -, got " + sidPrefix);
        }
        if (path.equals("/")) {
            throw new IllegalArgumentException("skyspy.socketio.path must not be the root path");
        }
    }

    public static SocketIoSettings create(Config config) {
        Config c = config.getConfig("skyspy.socketio");
        boolean conformance = c.getBoolean("conformance");
        Config timing = conformance ? c.getConfig("conformance-profile").withFallback(c) : c;
        return new SocketIoSettings(normalize(c.getString("path")), timing.getDuration("ping-interval"),
                timing.getDuration("ping-timeout"), timing.getBytes("max-payload"), timing.getDuration("connect-timeout"),
                c.getDuration("upgrade-timeout"), c.getDuration("post-timeout"), c.getInt("max-attachments"),
                c.getInt("control-queue"), c.getInt("namespace-buffer"), c.getStringList("main-namespace-topics"),
                conformance, c.getString("sid-prefix"));
    }

    /** {@code socket.io/} and {@code /socket.io} both mean {@code /socket.io}. */
    static String normalize(String path) {
        String p = path.strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }
}
