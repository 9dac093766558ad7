package io.skyspy.protocol.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.skyspy.protocol.CborSerializable;

/**
 * What an aircraft entity publishes on the cluster-wide aircraft topic. Ordering contract: for
 * one aircraft, {@link New} comes first, then any number of {@link Delta}, then {@link Removed};
 * an aircraft seen again after removal starts over with {@link New}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AircraftEvent.New.class, name = "new"),
    @JsonSubTypes.Type(value = AircraftEvent.Delta.class, name = "delta"),
    @JsonSubTypes.Type(value = AircraftEvent.Removed.class, name = "removed")
})
public sealed interface AircraftEvent extends CborSerializable {

    String hex();

    /** First sighting (or first after a removal): the full state. */
    record New(AircraftState state) implements AircraftEvent {
        @Override
        public String hex() {
            return state.hex();
        }
    }

    /** Tracked fields that changed since the last publication, and the full state after them. */
    record Delta(AircraftChanges changes, AircraftState state) implements AircraftEvent {
        @Override
        public String hex() {
            return changes.hex();
        }
    }

    /** The aircraft is no longer tracked; {@code reason} is {@code "timeout"} after silence. */
    record Removed(String hex, String reason) implements AircraftEvent {}
}
