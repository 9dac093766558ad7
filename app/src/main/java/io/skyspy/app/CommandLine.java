package io.skyspy.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line flags for the common settings. Everything else lives in HOCON: a flag is only
 * a shortcut for one configuration key, and flags win over {@code --config FILE}, which wins over
 * the embedded defaults (and {@code SKYSPY_*} environment variables).
 */
public final class CommandLine {
    static final String HELP = """
            Usage: java -jar skyspy.jar [options]

              --port N                 HTTP/WebSocket port (skyspy.http.port, default 8000)
              --host ADDR              bind address (skyspy.http.host, default 0.0.0.0)
              --feed SPEC              a receiver feed; repeat for several (skyspy.feeds, default: simulator)
                                         sbs://HOST:30003                       SBS-1 BaseStation
                                         readsb:http://HOST/data/aircraft.json  aircraft.json over HTTP
                                         readsb-json://HOST:30047               readsb --net-json-port
                                         sim                                    the built-in simulator
              --acars-udp PORT         a UDP port for acarsdec / dumpvdl2 JSON; repeat for several
                                         (skyspy.acars.udp-ports; acars_router's are 5550 and 5555)
              --receiver-lat DEG       receiver latitude  (skyspy.receiver.lat)
              --receiver-lon DEG       receiver longitude (skyspy.receiver.lon)
              --sim-aircraft N         simulated aircraft (skyspy.simulator.aircraft-count, default 60)
              --sim-rate HZ            updates per aircraft per second (skyspy.simulator.update-rate-hz, default 1)
              --aircraft-db FILE       tar1090-db or OpenSky aircraft CSV (skyspy.aircraft-db.path)
              --auth-mode MODE         public | hybrid | private (skyspy.auth.mode, default public)
              --config FILE            a HOCON file layered over the defaults (e.g. cluster-config/local-node1.conf)
              --set KEY=VALUE          any other configuration key, e.g. --set skyspy.batching.max-size=200
              --socketio-conformance   serve what the official Engine.IO/Socket.IO conformance suites expect
                                         (skyspy.socketio.conformance; echo namespaces, /engine.io/, 300 ms pings).
                                         For running those suites only, never in production
              --help                   this text

            Users and API keys (stored as hashes in skyspy.auth.store-file, default data/auth.json):
              java -jar skyspy.jar users add NAME [--password P] [--role admin] [--permission audio]
              java -jar skyspy.jar apikeys create LABEL [--test] [--permission audio]   (prints the key once)
              java -jar skyspy.jar apikeys list | apikeys revoke ID | users list

            Environment: SKYSPY_PORT, SKYSPY_HOST, SKYSPY_RECEIVER_LAT, SKYSPY_RECEIVER_LON,
            SKYSPY_SIM_AIRCRAFT, SKYSPY_SIM_RATE, SKYSPY_AIRCRAFT_DB, SKYSPY_AUTH_MODE, SKYSPY_JWT_SECRET,
            SKYSPY_AUTH_STORE, SKYSPY_LOG_LEVEL.
            """;

    /** Parsed flags: the configuration to run with, or a request for help. */
    public record Parsed(Config config, boolean help) {}

    private CommandLine() {}

    public static Parsed parse(String[] args) {
        Map<String, Object> overrides = new HashMap<>();
        List<String> feeds = new ArrayList<>();
        List<Integer> acarsPorts = new ArrayList<>();
        File file = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return new Parsed(null, true);
            }
            if (flag.equals("--socketio-conformance")) {
                overrides.put("skyspy.socketio.conformance", true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String v = args[++i];
            switch (flag) {
                case "--port" -> overrides.put("skyspy.http.port", integer(flag, v));
                case "--host" -> overrides.put("skyspy.http.host", v);
                case "--feed" -> feeds.add(v);
                case "--acars-udp" -> acarsPorts.add(integer(flag, v));
                case "--receiver-lat" -> overrides.put("skyspy.receiver.lat", decimal(flag, v));
                case "--receiver-lon" -> overrides.put("skyspy.receiver.lon", decimal(flag, v));
                case "--sim-aircraft" -> overrides.put("skyspy.simulator.aircraft-count", integer(flag, v));
                case "--sim-rate" -> overrides.put("skyspy.simulator.update-rate-hz", decimal(flag, v));
                case "--aircraft-db" -> overrides.put("skyspy.aircraft-db.path", v);
                case "--auth-mode" -> overrides.put("skyspy.auth.mode", v);
                case "--config" -> file = new File(v);
                case "--set" -> {
                    int eq = v.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set needs KEY=VALUE, got " + v);
                    }
                    overrides.put(v.substring(0, eq), ConfigFactory.parseString("v=" + v.substring(eq + 1)).getValue("v").unwrapped());
                }
                default -> throw new IllegalArgumentException("unknown option " + flag + " (see --help)");
            }
        }
        if (!feeds.isEmpty()) {
            overrides.put("skyspy.feeds", ConfigValueFactory.fromIterable(feeds));
        }
        if (!acarsPorts.isEmpty()) {
            overrides.put("skyspy.acars.udp-ports", ConfigValueFactory.fromIterable(acarsPorts));
        }
        Config base = ConfigFactory.load();
        if (file != null) {
            if (!file.isFile()) {
                throw new IllegalArgumentException("config file not found: " + file);
            }
            base = ConfigFactory.parseFile(file).withFallback(base).resolve();
        }
        Config flags = ConfigFactory.parseMap(overrides);
        return new Parsed(flags.withFallback(base).resolve(), false);
    }

    private static int integer(String flag, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got " + v);
        }
    }

    private static double decimal(String flag, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + v);
        }
    }
}
