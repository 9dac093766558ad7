package io.skyspy.protocol.safety;

import java.util.Locale;
import java.util.Optional;

/**
 * The spec's severity levels (safety events) and priorities (alerts), most urgent first. The
 * original system said {@code warning} and {@code info}; those are accepted on input only where
 * a caller maps them ({@link #parseLenient}), never written.
 */
public enum Severity {
    /** Immediate attention required (e.g. 7700 squawk). */
    CRITICAL,
    /** Significant event (e.g. TCAS RA). */
    HIGH,
    /** Notable event (e.g. TCAS TA). */
    MEDIUM,
    /** Informational (e.g. unusual squawk). */
    LOW;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this is at least as urgent as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** The level with this wire name (case-insensitive), or empty. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #parse}, also taking the original system's {@code info} (low) and {@code warning} (medium). */
    public static Optional<Severity> parseLenient(String text) {
        if (text != null && text.strip().equalsIgnoreCase("info")) {
            return Optional.of(LOW);
        }
        if (text != null && text.strip().equalsIgnoreCase("warning")) {
            return Optional.of(MEDIUM);
        }
        return parse(text);
    }
}
