package io.skyspy.protocol.safety;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.skyspy.protocol.CborSerializable;

/**
 * What travels on the cluster-wide safety topic. Ordering contract per episode: {@link Opened}
 * first, any number of {@link Updated}, then {@link Resolved}; {@link Acknowledged} may come at
 * any point and only sets the acknowledgement. Every node turns each notice into frames once.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SafetyNotice.Opened.class, name = "opened"),
    @JsonSubTypes.Type(value = SafetyNotice.Updated.class, name = "updated"),
    @JsonSubTypes.Type(value = SafetyNotice.Resolved.class, name = "resolved"),
    @JsonSubTypes.Type(value = SafetyNotice.Acknowledged.class, name = "acknowledged")
})
public sealed interface SafetyNotice extends CborSerializable {

    /** A new episode: {@code safety:event}. */
    record Opened(SafetyEvent event) implements SafetyNotice {}

    /** The episode changed (severity, type, message): {@code safety:event_updated}. */
    record Updated(SafetyEvent event) implements SafetyNotice {}

    /** The episode ended: {@code safety:event_resolved}. */
    record Resolved(SafetyEvent event) implements SafetyNotice {}

    /** Someone acknowledged event {@code id}: every node marks it and sends {@code safety:event_updated}. */
    record Acknowledged(long id, String by, long at) implements SafetyNotice {}
}
