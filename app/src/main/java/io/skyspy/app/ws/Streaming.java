package io.skyspy.app.ws;

import io.skyspy.actors.session.SessionSettings;
import io.skyspy.app.auth.Authenticator;
import io.skyspy.app.auth.ConnectionLimits;
import io.skyspy.streams.fanout.ConnectionRegistry;
import io.skyspy.streams.fanout.FanOut;
import io.skyspy.streams.hub.AircraftHub;
import org.apache.pekko.actor.typed.ActorSystem;

/** What every connection of this node shares: the fan-out, the hubs, the registry, auth and the settings. */
public record Streaming(ActorSystem<?> system, FanOut fanOut, ConnectionRegistry registry, AircraftHub aircraftHub,
        WsSettings ws, SessionSettings session, Authenticator auth, ConnectionLimits limits) {}
