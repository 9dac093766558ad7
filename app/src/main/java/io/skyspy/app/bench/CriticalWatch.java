package io.skyspy.app.bench;

import java.nio.charset.StandardCharsets;

/** Which aircraft the critical-lane scenario is waiting for; unarmed in every other scenario. */
final class CriticalWatch {
    private volatile byte[] hex;

    void arm(String aircraftHex) {
        hex = aircraftHex.getBytes(StandardCharsets.US_ASCII);
    }

    boolean armed() {
        return hex != null;
    }

    byte[] hexBytes() {
        return hex;
    }
}
