package io.skyspy.actors.pubsub;

import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * This node's subscription to a cluster-wide topic (alerts, ACARS): hands each message to the
 * node's hub, which turns it into frames once for the node. The hub's work is a few non-blocking
 * offers, so it runs right here.
 */
public final class TopicFeed {
    private TopicFeed() {}

    public static <T> Behavior<T> create(ActorRef<Topic.Command<T>> topic, Consumer<T> downstream) {
        return Behaviors.<T>supervise(Behaviors.setup(ctx -> {
                    topic.tell(Topic.subscribe(ctx.getSelf()));
                    return Behaviors.<T>receiveMessage(n -> {
                        downstream.accept(n);
                        return Behaviors.same();
                    });
                }))
                .onFailure(SupervisorStrategy.restart());
    }
}
