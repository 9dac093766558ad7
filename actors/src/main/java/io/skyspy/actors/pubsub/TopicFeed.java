package io.skyspy.actors.alerts;

import io.skyspy.protocol.alerts.AlertNotice;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * This node's subscription to the alerts topic: hands each notice to the node's alert hub, which
 * turns it into frames once for the node. The hub's work is a few non-blocking offers.
 */
public final class AlertFeed {
    private AlertFeed() {}

    public static Behavior<AlertNotice> create(ActorRef<Topic.Command<AlertNotice>> topic, Consumer<AlertNotice> downstream) {
        return Behaviors.<AlertNotice>supervise(Behaviors.setup(ctx -> {
                    topic.tell(Topic.subscribe(ctx.getSelf()));
                    return Behaviors.receiveMessage(n -> {
                        downstream.accept(n);
                        return Behaviors.same();
                    });
                }))
                .onFailure(SupervisorStrategy.restart());
    }
}
