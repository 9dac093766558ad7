package io.skyspy.protocol.alerts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.skyspy.protocol.CborSerializable;
import java.util.List;

/**
 * What travels on the cluster-wide alerts topic, from the alert engine to every node. Notices of
 * a private rule carry its owner and are delivered to that user's connections only.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AlertNotice.Triggered.class, name = "triggered"),
    @JsonSubTypes.Type(value = AlertNotice.Acknowledged.class, name = "acknowledged"),
    @JsonSubTypes.Type(value = AlertNotice.Crossed.class, name = "crossed"),
    @JsonSubTypes.Type(value = AlertNotice.Webhook.class, name = "webhook")
})
public sealed interface AlertNotice extends CborSerializable {

    /** A rule fired: {@code alert:triggered}. */
    record Triggered(AlertTrigger alert) implements AlertNotice {}

    /**
     * Alerts were acknowledged: {@code alert:acknowledged}.
     *
     * @param owner the owner all these alerts share (null: public alerts)
     */
    record Acknowledged(List<Long> ids, String owner, String by, long at) implements AlertNotice {}

    /** An aircraft entered or left a rule's geofence: {@code geofence_event}. */
    record Crossed(GeofenceCrossing crossing) implements AlertNotice {}

    /** A webhook attempt finished: {@code webhook_status}, for administrators. */
    record Webhook(WebhookDelivery delivery) implements AlertNotice {}
}
