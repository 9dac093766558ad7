package io.skyspy.actors.safety;

import io.skyspy.protocol.safety.Severity;
import java.util.Map;

/**
 * What a rule finds true right now. Findings with the same {@code key} belong to one episode:
 * the first opens it, later ones may update it, and the key's absence for {@code clearAfterMillis}
 * ends it.
 *
 * @param key the episode, e.g. {@code emergency:A1B2C3} or {@code proximity_conflict:A1B2C3:D4E5F6}
 * @param hex2 the second aircraft of a pair, else null
 */
public record Finding(String key, String eventType, Severity severity, String hex, String callsign, String hex2,
        String callsign2, String message, Map<String, Object> details, long clearAfterMillis) {

    /** A finding about one aircraft. */
    public static Finding single(String key, String eventType, Severity severity, Observation o, String message,
            Map<String, Object> details, long clearAfterMillis) {
        return new Finding(key, eventType, severity, o.hex(), o.callsign(), null, null, message, details,
                clearAfterMillis);
    }
}
