package io.skyspy.actors.session;

import io.skyspy.protocol.Principal;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * Request types a feature adds to every session (safety, alerts, ...), so that each feature
 * keeps its requests in its own class and {@link RequestHandler} does not grow with them.
 *
 * <p>Same contract as the built-in types: answer through {@code request.replyTo()} at once, or ask
 * the actor that owns the data with the session's context and turn the answer into a message
 * with {@code answered} (never block, never touch another actor's state).
 */
public interface RequestExtension {

    /** True when this extension answers requests of {@code type}. */
    boolean handles(String type);

    <C> void handle(SessionEntity.Request request, Principal principal, ActorContext<C> ctx,
            BiFunction<ActorRef<SessionEntity.Reply>, byte[], C> answered);
}
