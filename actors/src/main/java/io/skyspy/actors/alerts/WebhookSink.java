package io.skyspy.actors.alerts;

import io.skyspy.protocol.alerts.AlertTrigger;

/**
 * Delivers an alert to a rule's webhook. The alert engine calls it once per alert, on the one
 * node the engine runs on, so each alert is posted once cluster-wide; the implementation retries
 * on its own and reports each attempt. Must not block.
 */
@FunctionalInterface
public interface WebhookSink {
    WebhookSink NONE = (alert, url) -> {};

    void deliver(AlertTrigger alert, String url);
}
