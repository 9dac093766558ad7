package io.skyspy.app.ws;

import io.skyspy.actors.session.SessionSettings;
import io.skyspy.app.auth.Authenticator;
import io.skyspy.app.auth.ConnectionLimits;
import io.skyspy.streams.fanout.ConnectionRegistry;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.hub.AircraftHub;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * What every connection of this node shares: the fan-out, the hubs, the registry, auth and the settings.
 *
 * @param listener features told when sessions attach or re-authenticate (safety/alert snapshots, private alerts)
 */
public record Streaming(ActorSystem<?> system, FanOut fanOut, ConnectionRegistry registry, AircraftHub aircraftHub,
        WsSettings ws, SessionSettings session, Authenticator auth, ConnectionLimits limits, SessionListener listener) {

    public Streaming(ActorSystem<?> system, FanOut fanOut, ConnectionRegistry registry, AircraftHub aircraftHub,
            WsSettings ws, SessionSettings session, Authenticator auth, ConnectionLimits limits) {
        this(system, fanOut, registry, aircraftHub, ws, session, auth, limits, SessionListener.NONE);
    }
}
