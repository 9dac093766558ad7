package io.skyspy.protocol.safety;

import io.skyspy.protocol.Channel;
import java.util.Set;

/**
 * The {@code event_type} values of safety events and the channel each travels on. Names follow
 * the spec where it shows one ({@code emergency_squawk}, {@code TCAS_RA}) and the original
 * system otherwise ({@code proximity_conflict}, {@code extreme_vs}).
 *
 * <p>Each event goes out on exactly one channel, so a client following several safety topics
 * never gets it twice: the {@code events} topic is the union of the three channels.
 */
public final class SafetyEventTypes {
    /** Squawk 7500, 7600 or 7700. */
    public static final String EMERGENCY_SQUAWK = "emergency_squawk";
    /** ADS-B emergency/priority status without an emergency squawk (minfuel, lifeguard, downed...). */
    public static final String EMERGENCY = "emergency";
    public static final String TCAS_RA = "TCAS_RA";
    public static final String TCAS_TA = "TCAS_TA";
    public static final String PROXIMITY_CONFLICT = "proximity_conflict";
    public static final String EXTREME_VS = "extreme_vs";
    public static final String RAPID_DESCENT = "rapid_descent";
    public static final String UNUSUAL_SQUAWK = "unusual_squawk";

    private static final Set<String> TCAS = Set.of(TCAS_RA, TCAS_TA);
    private static final Set<String> EMERGENCIES = Set.of(EMERGENCY_SQUAWK, EMERGENCY);

    private SafetyEventTypes() {}

    /** The one channel an event of this type is published on. */
    public static Channel channelOf(String eventType) {
        if (TCAS.contains(eventType)) {
            return Channel.SAFETY_TCAS;
        }
        if (EMERGENCIES.contains(eventType)) {
            return Channel.SAFETY_EMERGENCY;
        }
        return Channel.SAFETY_EVENTS;
    }
}
