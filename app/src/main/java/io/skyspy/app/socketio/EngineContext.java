package io.skyspy.app.socketio;

import java.time.Duration;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;

/** What every Engine.IO connection of one server path shares. */
record EngineContext(SocketIoSettings settings, ActorSystem<?> system, Materializer materializer) {

    static EngineContext create(SocketIoSettings settings, ActorSystem<?> system) {
        return new EngineContext(settings, system, Materializer.matFromSystem(system));
    }

    Cancellable schedule(Duration delay, Runnable r) {
        return system.scheduler().scheduleOnce(delay, r, system.executionContext());
    }
}
