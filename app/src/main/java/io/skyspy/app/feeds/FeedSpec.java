package io.skyspy.app.feeds;

import java.net.URI;

/**
 * One {@code --feed} value. Forms: {@code sim}, {@code sbs://HOST[:PORT]} (30003),
 * {@code readsb:http://HOST/data/aircraft.json}, {@code readsb-json://HOST[:PORT]} (30047).
 */
public record FeedSpec(Kind kind, String host, int port, String url, String name) {

    public enum Kind { SIMULATOR, SBS, READSB_POLL, READSB_JSON }

    public static FeedSpec parse(String spec) {
        String s = spec.trim();
        if (s.equals("sim") || s.equals("simulator")) {
            return new FeedSpec(Kind.SIMULATOR, null, 0, null, "sim");
        }
        if (s.startsWith("readsb:")) {
            String url = s.substring("readsb:".length());
            URI uri = URI.create(url);
            if (uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException("readsb feed needs an http(s) URL: " + spec);
            }
            return new FeedSpec(Kind.READSB_POLL, uri.getHost(), uri.getPort(), url, "readsb@" + uri.getHost());
        }
        if (s.startsWith("sbs://") || s.startsWith("readsb-json://")) {
            URI uri = URI.create(s);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("feed needs a host: " + spec);
            }
            boolean sbs = s.startsWith("sbs://");
            int port = uri.getPort() > 0 ? uri.getPort() : sbs ? 30003 : 30047;
            return new FeedSpec(sbs ? Kind.SBS : Kind.READSB_JSON, uri.getHost(), port, null,
                    (sbs ? "sbs@" : "readsb-json@") + uri.getHost() + ":" + port);
        }
        throw new IllegalArgumentException("unknown feed '" + spec
                + "': use sim, sbs://HOST:30003, readsb:http://HOST/data/aircraft.json or readsb-json://HOST:30047");
    }
}
