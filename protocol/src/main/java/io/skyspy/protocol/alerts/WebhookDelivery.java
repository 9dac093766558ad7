package io.skyspy.protocol.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyspy.protocol.CborSerializable;
import io.skyspy.protocol.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one webhook delivery after one attempt.
 *
 * @param status {@code delivered}, {@code retrying} (the attempt failed, another follows) or {@code failed} (gave up)
 * @param target the webhook's scheme, host and path; never its query, which may carry a secret
 * @param httpStatus the receiver's status code, 0 when there was no response
 * @param error why the attempt failed, null when it did not
 */
public record WebhookDelivery(
        @JsonProperty("deliveryId") String deliveryId,
        @JsonProperty("alertId") long alertId,
        @JsonProperty("ruleId") long ruleId,
        @JsonProperty("target") String target,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("maxAttempts") int maxAttempts,
        @JsonProperty("status") String status,
        @JsonProperty("httpStatus") int httpStatus,
        @JsonProperty("error") String error,
        @JsonProperty("at") long at)
        implements CborSerializable {

    public static final String DELIVERED = "delivered";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("delivery_id", deliveryId);
        m.put("alert_id", alertId);
        m.put("rule_id", ruleId);
        m.put("target", target);
        m.put("attempt", attempt);
        m.put("max_attempts", maxAttempts);
        m.put("status", status);
        m.put("http_status", httpStatus);
        m.put("error", error);
        m.put("at", Timestamps.iso(at));
        return m;
    }
}
