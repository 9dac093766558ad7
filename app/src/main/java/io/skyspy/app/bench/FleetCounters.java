package io.skyspy.app.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Lifecycle counts of all clients of a run, updated by the reactor threads. */
final class FleetCounters {
    final AtomicLong attempted = new AtomicLong();
    final AtomicLong subscribed = new AtomicLong();
    final AtomicLong open = new AtomicLong();
    final AtomicLong closedCleanly = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong handshakeFailures = new AtomicLong();
    final AtomicLong closedBeforeSubscribed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    private final java.util.Set<String> errors = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Remembers a few distinct failure reasons for the report. */
    void error(String reason) {
        if (errors.size() < 8) {
            errors.add(reason);
        }
    }

    java.util.List<String> errors() {
        return java.util.List.copyOf(errors);
    }

    long failed() {
        return connectFailures.get() + handshakeFailures.get() + closedBeforeSubscribed.get();
    }

    /** Clients that have either subscribed or failed: the ramp is over for them. */
    long settled() {
        return subscribed.get() + failed();
    }
}
