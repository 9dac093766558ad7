package io.skyspy.app.feeds;

import io.skyspy.actors.session.RequestExtension;
import io.skyspy.actors.session.RequestParams;
import io.skyspy.actors.session.SessionEntity;
import io.skyspy.protocol.Principal;
import io.skyspy.protocol.ServerMessages;
import io.skyspy.protocol.acars.AcarsMessage;
import io.skyspy.streams.events.AcarsHub;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The ACARS consumer's {@code messages} request (alias {@code acars-messages}): the node's recent
 * messages, newest first, filtered by {@code icao}, {@code callsign}, {@code label},
 * {@code source}, {@code frequency} and {@code hours} (by the message's own time), at most
 * {@code limit} (default 50).
 */
final class AcarsRequests implements RequestExtension {
    private final AcarsHub hub;
    private final int maxLimit;
    private final LongSupplier clock;

    AcarsRequests(AcarsHub hub, int maxLimit, LongSupplier clock) {
        this.hub = hub;
        this.maxLimit = maxLimit;
        this.clock = clock;
    }

    @Override
    public boolean handles(String type) {
        return type.equals("messages") || type.equals("acars-messages");
    }

    @Override
    public <C> void handle(SessionEntity.Request request, Principal principal, ActorContext<C> ctx,
            BiFunction<ActorRef<SessionEntity.Reply>, byte[], C> answered) {
        RequestParams p = new RequestParams(request.params());
        byte[] json;
        try {
            int limit = p.intInRange("limit", 50, 1, maxLimit);
            // without "hours", everything the node still keeps
            int hours = p.intInRange("hours", 0, 1, 24 * 365);
            long since = hours == 0 ? Long.MIN_VALUE : clock.getAsLong() - hours * 3_600_000L;
            String icao = p.text("icao", "icao_hex");
            String callsign = p.text("callsign");
            String label = p.text("label");
            String source = p.text("source");
            String frequency = p.text("frequency");
            Predicate<AcarsMessage> filter = m -> m.timestampMillis() >= since && matches(icao, m.icaoHex())
                    && matches(callsign, m.callsign()) && matches(label, m.label()) && matches(source, m.source())
                    && matches(frequency, m.frequency());
            List<Map<String, Object>> messages = hub.recent(filter, limit);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("messages", messages);
            data.put("count", messages.size());
            json = ServerMessages.response(request.requestId(), request.type(), data);
        } catch (RequestParams.Invalid e) {
            json = e.error(request.requestId());
        }
        request.replyTo().tell(new SessionEntity.Reply(json));
    }

    /** No filter matches everything; otherwise case-insensitively equal. */
    private static boolean matches(String wanted, String actual) {
        return wanted == null || (actual != null
                && Objects.equals(wanted.toUpperCase(Locale.ROOT), actual.toUpperCase(Locale.ROOT)));
    }
}
