package io.skyspy.app.alerts;

import io.skyspy.actors.alerts.AlertSettings;
import io.skyspy.actors.alerts.WebhookSink;
import io.skyspy.protocol.alerts.AlertMessages;
import io.skyspy.protocol.alerts.AlertTrigger;
import io.skyspy.protocol.alerts.WebhookDelivery;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to rule webhooks with pekko-http's client: the body is the {@code alert:triggered}
 * message, signed ({@link WebhookSigner}); 2xx is delivered; 408, 429, 5xx, timeouts and connection
 * errors are retried with exponential backoff and jitter up to the attempt limit; other 4xx fail at
 * once (retrying cannot fix them). Every attempt's outcome goes to {@code status} (the admin-only
 * {@code /ws/webhooks/status/} channel). Never blocks: requests and retries are scheduled.
 */
public final class HttpWebhookSender implements WebhookSink {
    private static final Logger log = LoggerFactory.getLogger(HttpWebhookSender.class);

    private final ActorSystem<?> system;
    private final AlertSettings.Webhooks settings;
    private final WebhookSigner signer;
    private final Consumer<WebhookDelivery> status;
    private final AtomicInteger inFlight = new AtomicInteger();

    public HttpWebhookSender(ActorSystem<?> system, AlertSettings.Webhooks settings, Consumer<WebhookDelivery> status) {
        this.system = system;
        this.settings = settings;
        this.signer = new WebhookSigner(settings.secret());
        this.status = status;
    }

    @Override
    public void deliver(AlertTrigger alert, String url) {
        String deliveryId = "wh-" + alert.id() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        if (inFlight.incrementAndGet() > settings.maxInFlight()) {
            inFlight.decrementAndGet();
            report(deliveryId, alert, url, 0, WebhookDelivery.FAILED, 0, "too many deliveries in progress");
            return;
        }
        attempt(deliveryId, alert, url, AlertMessages.triggered(alert), 1);
    }

    private void attempt(String deliveryId, AlertTrigger alert, String url, byte[] body, int attempt) {
        long now = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.POST(url)
                .withEntity(ContentTypes.APPLICATION_JSON, body)
                .addHeader(RawHeader.create("X-SkySpy-Delivery", deliveryId))
                .addHeader(RawHeader.create("X-SkySpy-Event", AlertMessages.TRIGGERED))
                .addHeader(RawHeader.create("X-SkySpy-Timestamp", Long.toString(now)));
        if (signer.enabled()) {
            request = request.addHeader(RawHeader.create(settings.signatureHeader(), signer.sign(now, body)));
        }
        Executor dispatcher = system.executionContext(); // never the JDK default: README, "Architecture"
        CompletionStage<Integer> sent = Http.get(system).singleRequest(request)
                .thenComposeAsync(response -> response.discardEntityBytes(system).completionStage()
                        .thenApplyAsync(done -> response.status().intValue(), dispatcher), dispatcher)
                .toCompletableFuture()
                .orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        sent.whenComplete((code, err) -> {
            boolean ok = err == null && code >= 200 && code < 300;
            boolean retryable = err != null || code == 408 || code == 429 || code >= 500;
            int httpStatus = code == null ? 0 : code;
            String error = ok ? null : err != null ? describe(err) : "HTTP " + code;
            if (ok) {
                inFlight.decrementAndGet();
                report(deliveryId, alert, url, attempt, WebhookDelivery.DELIVERED, httpStatus, null);
            } else if (retryable && attempt < settings.maxAttempts()) {
                report(deliveryId, alert, url, attempt, WebhookDelivery.RETRYING, httpStatus, error);
                system.scheduler().scheduleOnce(backoff(attempt),
                        () -> attempt(deliveryId, alert, url, body, attempt + 1), system.executionContext());
            } else {
                inFlight.decrementAndGet();
                log.warn("webhook delivery {} of alert {} failed after {} attempt(s): {}", deliveryId, alert.id(), attempt, error);
                report(deliveryId, alert, url, attempt, WebhookDelivery.FAILED, httpStatus, error);
            }
        });
    }

    /** min x 2^(attempt-1), capped, with up to 20% jitter so retries of many deliveries spread out. */
    Duration backoff(int attempt) {
        long base = settings.minBackoff().toMillis() << Math.min(20, attempt - 1);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        return Duration.ofMillis(capped + (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble()));
    }

    private void report(String deliveryId, AlertTrigger alert, String url, int attempt, String state, int httpStatus, String error) {
        status.accept(new WebhookDelivery(deliveryId, alert.id(), alert.ruleId(), target(url), attempt,
                settings.maxAttempts(), state, httpStatus, error, System.currentTimeMillis()));
    }

    /** Scheme, host, port and path: the query may carry a secret and never leaves the engine's node. */
    static String target(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + (u.getPath() == null ? "" : u.getPath());
    }

    private static String describe(Throwable err) {
        Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return "timed out";
        }
        String m = cause.getMessage();
        return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
