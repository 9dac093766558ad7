package io.skyspy.protocol;

/**
 * The internal streams a connection can receive. Client-facing topic names differ per endpoint
 * ({@code events} on {@code /ws/safety/}, {@code safety} on {@code /ws/all/}); {@link Endpoint}
 * maps them onto channels, so fan-out only ever deals with channels.
 */
public enum Channel {
    /** Aircraft batches (new, delta, remove) and heartbeats. */
    AIRCRAFT,
    /** The periodic full list ({@code aircraft:update}); on by default with {@link #AIRCRAFT}, a delta-only client leaves it out. */
    AIRCRAFT_UPDATES,
    AIRCRAFT_STATS,
    SAFETY_EVENTS,
    SAFETY_TCAS,
    SAFETY_EMERGENCY,
    ALERTS,
    ALERT_TRIGGERS,
    ACARS_MESSAGES,
    ACARS_VDLM2,
    AIRSPACE_ADVISORIES,
    AIRSPACE_BOUNDARIES,
    NOTAMS,
    NOTAMS_TFRS,
    AUDIO_TRANSMISSIONS,
    AUDIO_TRANSCRIPTIONS,
    STATS,
    CANNONBALL_THREATS,
    /** Operational status of the node ({@code system} events); admins only. */
    SYSTEM
}
