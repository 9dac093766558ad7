package io.skyspy.app.bench.jmh;

import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.model.AircraftChanges;
import io.skyspy.protocol.model.AircraftEvent;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Aircraft data shaped like the simulator's, and a plain local actor system for the stream benchmarks. */
final class Fixtures {
    private Fixtures() {}

    /** An airborne aircraft with the fields a readsb/SBS feed usually fills. */
    static AircraftState aircraft(int i, SplittableRandom rnd) {
        Object[] v = new Object[AircraftField.COUNT];
        v[AircraftField.FLIGHT.ordinal()] = "SWA" + (1000 + i);
        v[AircraftField.LAT.ordinal()] = 33.9 + rnd.nextDouble();
        v[AircraftField.LON.ordinal()] = -118.4 + rnd.nextDouble();
        v[AircraftField.ALT_BARO.ordinal()] = 10_000 + rnd.nextInt(25_000);
        v[AircraftField.ALT_GEOM.ordinal()] = 10_200 + rnd.nextInt(25_000);
        v[AircraftField.GS.ordinal()] = 250 + rnd.nextInt(250) + 0.5;
        v[AircraftField.TRACK.ordinal()] = rnd.nextInt(3600) / 10.0;
        v[AircraftField.BARO_RATE.ordinal()] = 0;
        v[AircraftField.SQUAWK.ordinal()] = "1200";
        v[AircraftField.CATEGORY.ordinal()] = "A3";
        v[AircraftField.IS_MILITARY.ordinal()] = false;
        v[AircraftField.DISTANCE_NM.ordinal()] = rnd.nextInt(600) / 10.0;
        v[AircraftField.RSSI.ordinal()] = -20.5;
        return new AircraftState(String.format("A%05X", i), v, 1, 1);
    }

    /** One second later: moved, a little higher, a new distance; the rest unchanged. */
    static AircraftState moved(AircraftState s, SplittableRandom rnd) {
        Object[] c = new Object[AircraftField.COUNT];
        c[AircraftField.LAT.ordinal()] = (Double) s.get(AircraftField.LAT) + 0.001;
        c[AircraftField.LON.ordinal()] = (Double) s.get(AircraftField.LON) - 0.001;
        c[AircraftField.ALT_BARO.ordinal()] = (Integer) s.get(AircraftField.ALT_BARO) + 25;
        c[AircraftField.DISTANCE_NM.ordinal()] = rnd.nextInt(600) / 10.0;
        c[AircraftField.RSSI.ordinal()] = -21.0;
        return s.with(c, s.positionAt() + 1000, s.lastSeen() + 1000);
    }

    static List<AircraftEvent> deltas(int n) {
        SplittableRandom rnd = new SplittableRandom(42);
        List<AircraftEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AircraftState before = aircraft(i, rnd);
            AircraftState after = moved(before, rnd);
            AircraftChanges changes = after.changesSince(before);
            out.add(new AircraftEvent.Delta(changes, after));
        }
        return out;
    }

    /** A local actor system: no cluster, no remoting, nothing from application.conf. */
    static ActorSystem<Void> system(String name) {
        return ActorSystem.create(Behaviors.empty(), name, ConfigFactory.parseString("""
                pekko.actor.provider = local
                pekko.loglevel = WARNING
                """).withFallback(ConfigFactory.defaultReference()));
    }
}
