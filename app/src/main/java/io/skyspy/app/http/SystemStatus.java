package io.skyspy.app.http;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Json;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.fanout.Frame;
import io.skyspy.streams.fanout.Lane;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Publishes the node's status on the admin channel in spec 004's form
 * {@code {"type":"system","event":"status","data":{"status":"online",...}}}, once per interval,
 * serialized once for every admin connection.
 */
public final class SystemStatus {
    private SystemStatus() {}

    public static void start(ActorSystem<?> system, FanOut fanOut, Supplier<Map<String, Object>> health, Duration every) {
        system.scheduler().scheduleAtFixedRate(every, every, () -> {
            if (fanOut.subscriberCount(Channel.SYSTEM) == 0) {
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("status", "online");
            data.put("timestamp", System.currentTimeMillis() / 1000);
            data.put("node", health.get());
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("type", "system");
            msg.put("event", "status");
            msg.put("data", data);
            fanOut.publish(Frame.of(Channel.SYSTEM, Lane.RELIABLE, 0, Json.bytes(msg)));
        }, system.executionContext());
    }
}
