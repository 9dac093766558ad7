package io.skyspy.actors.aircraft;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftReport;
import io.skyspy.protocol.model.AircraftState;
import io.skyspy.protocol.model.Geo;
import java.util.Optional;

/**
 * How reports from several feeds combine into one aircraft's state.
 *
 * <ul>
 *   <li>A field a report lacks keeps its value: sources never erase each other.
 *   <li>The freshest position wins: a report whose position was measured before the current one
 *       (a slow poller behind a fast SBS feed) leaves the position alone but still adds its other
 *       fields.
 *   <li>{@code distance_nm} follows the position (haversine from the receiver, 0.1 nm).
 *   <li>{@code dbFlags} bit 1 marks the aircraft military, as readsb does.
 * </ul>
 */
public final class AircraftMerger {
    private final Optional<double[]> receiver;

    /** @param receiver receiver latitude and longitude, when configured */
    public AircraftMerger(Optional<double[]> receiver) {
        this.receiver = receiver;
    }

    public AircraftState merge(AircraftState current, AircraftReport report) {
        Object[] changes = report.values().clone();
        long positionAt = current.positionAt();
        if (report.hasPosition()) {
            long measured = report.positionAt() > 0 ? report.positionAt() : report.receivedAt();
            if (measured < current.positionAt()) {
                changes[AircraftField.LAT.ordinal()] = null;
                changes[AircraftField.LON.ordinal()] = null;
            } else {
                positionAt = measured;
                receiver.ifPresent(r -> changes[AircraftField.DISTANCE_NM.ordinal()] = distance(r, report));
            }
        }
        clearEndedSquawkEmergency(current, changes);
        Object flags = changes[AircraftField.DB_FLAGS.ordinal()];
        if (flags instanceof Integer f && (f & 1) != 0) {
            changes[AircraftField.IS_MILITARY.ordinal()] = Boolean.TRUE;
        }
        return current.with(changes, positionAt, Math.max(current.lastSeen(), report.receivedAt()));
    }

    /**
     * An emergency that only a squawk told us about ends when the squawk returns to normal; feeds
     * that carry no emergency field would otherwise leave it set forever (fields are never erased).
     */
    private static void clearEndedSquawkEmergency(AircraftState current, Object[] changes) {
        Object squawk = changes[AircraftField.SQUAWK.ordinal()];
        Object emergency = current.get(AircraftField.EMERGENCY);
        if (squawk != null && changes[AircraftField.EMERGENCY.ordinal()] == null && emergency != null
                && SQUAWK_EMERGENCIES.contains(emergency) && !EMERGENCY_SQUAWKS.contains(squawk)) {
            changes[AircraftField.EMERGENCY.ordinal()] = "none";
        }
    }

    private static final java.util.Set<String> EMERGENCY_SQUAWKS = java.util.Set.of("7500", "7600", "7700");
    private static final java.util.Set<Object> SQUAWK_EMERGENCIES = java.util.Set.of("general", "unlawful", "nordo");

    private static Double distance(double[] receiver, AircraftReport report) {
        double lat = ((Number) report.get(AircraftField.LAT)).doubleValue();
        double lon = ((Number) report.get(AircraftField.LON)).doubleValue();
        return Math.round(Geo.distanceNm(receiver[0], receiver[1], lat, lon) * 10.0) / 10.0;
    }
}
