package io.skyspy.app.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.skyspy.actors.alerts.AlertSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    @Test
    void theSignatureIsAnHmacOfTimestampAndBody() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog") with the timestamp prefix
        // "1." is not a published vector, so the published one checks the primitive and ours its framing
        WebhookSigner signer = new WebhookSigner("key");
        String s = signer.sign(1, "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(s.matches("sha256=[0-9a-f]{64}"), s);
        assertEquals(s, signer.sign(1, "x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(!s.equals(signer.sign(2, "x".getBytes(StandardCharsets.UTF_8))), "the timestamp is signed too");
        assertTrue(!new WebhookSigner("").enabled());
    }

    @Test
    void backoffGrowsIsCappedAndTheTargetHidesTheQuery() {
        AlertSettings.Webhooks w = AlertSettings.create(ConfigFactory.load()).webhooks();
        HttpWebhookSender sender = new HttpWebhookSender(null, w, d -> {});
        Duration first = sender.backoff(1);
        assertTrue(first.compareTo(w.minBackoff()) >= 0 && first.toMillis() <= w.minBackoff().toMillis() * 1.2 + 1, first.toString());
        Duration third = sender.backoff(3);
        assertTrue(third.toMillis() >= w.minBackoff().toMillis() * 4, third.toString());
        assertTrue(sender.backoff(30).toMillis() <= w.maxBackoff().toMillis() * 1.2 + 1);
        assertEquals("https://hooks.example.com:8443/a/b", HttpWebhookSender.target("https://hooks.example.com:8443/a/b?token=secret"));
    }
}
