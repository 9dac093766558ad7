package io.skyspy.protocol;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The raw WebSocket endpoints of the spec ({@code /ws/{path}/}) and the topics each accepts.
 * Every endpoint accepts {@code all}, meaning every channel it serves. {@code /ws/all/} is the
 * combined feed: it accepts every topic of every endpoint plus each endpoint's name as a topic.
 */
public enum Endpoint {
    ALL("all", Map.of()),
    AIRCRAFT("aircraft", Map.of(
            "aircraft", EnumSet.of(Channel.AIRCRAFT),
            "stats", EnumSet.of(Channel.AIRCRAFT_STATS))),
    AIRSPACE("airspace", Map.of(
            "advisories", EnumSet.of(Channel.AIRSPACE_ADVISORIES),
            "boundaries", EnumSet.of(Channel.AIRSPACE_BOUNDARIES))),
    // each safety event and alert travels on exactly one channel (SafetyEventTypes.channelOf);
    // "events" and "alerts" are the unions, so a client following several topics gets it once
    SAFETY("safety", Map.of(
            "events", EnumSet.of(Channel.SAFETY_EVENTS, Channel.SAFETY_TCAS, Channel.SAFETY_EMERGENCY),
            "tcas", EnumSet.of(Channel.SAFETY_TCAS),
            "emergency", EnumSet.of(Channel.SAFETY_EMERGENCY))),
    ACARS("acars", Map.of(
            "messages", EnumSet.of(Channel.ACARS_MESSAGES),
            "vdlm2", EnumSet.of(Channel.ACARS_VDLM2))),
    AUDIO("audio", Map.of(
            "transmissions", EnumSet.of(Channel.AUDIO_TRANSMISSIONS),
            "transcriptions", EnumSet.of(Channel.AUDIO_TRANSCRIPTIONS))),
    ALERTS("alerts", Map.of(
            "alerts", EnumSet.of(Channel.ALERTS, Channel.ALERT_TRIGGERS),
            "triggers", EnumSet.of(Channel.ALERT_TRIGGERS))),
    NOTAMS("notams", Map.of(
            "notams", EnumSet.of(Channel.NOTAMS),
            "tfrs", EnumSet.of(Channel.NOTAMS_TFRS))),
    STATS("stats", Map.of("stats", EnumSet.of(Channel.STATS))),
    CANNONBALL("cannonball", Map.of("threats", EnumSet.of(Channel.CANNONBALL_THREATS))),
    /** Operational status for operators; non-admins are closed with 4003 (spec 003). */
    ADMIN("admin", Map.of("status", EnumSet.of(Channel.SYSTEM)));

    public static final String ALL_TOPIC = "all";

    private final String path;
    private final Map<String, Set<Channel>> topics;

    Endpoint(String path, Map<String, Set<Channel>> topics) {
        this.path = path;
        this.topics = topics;
    }

    /** The path segment: {@code /ws/{path}/}. */
    public String path() {
        return path;
    }

    public static Optional<Endpoint> byPath(String path) {
        return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst();
    }

    /** The topic names this endpoint accepts, {@code all} included. */
    public Set<String> topicNames() {
        return topicMap().keySet();
    }

    /** Channels behind a topic on this endpoint, or empty when the endpoint does not know it. */
    public Optional<Set<Channel>> channelsOf(String topic) {
        return Optional.ofNullable(topicMap().get(topic));
    }

    /** Channels behind several topics; unknown topics are skipped (the caller reports them). */
    public Set<Channel> channelsOf(Collection<String> topicNames) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (String t : topicNames) {
            channelsOf(t).ifPresent(out::addAll);
        }
        return out;
    }

    /** True when only administrators may connect. */
    public boolean adminOnly() {
        return this == ADMIN;
    }

    /** True when this endpoint's connections get {@code aircraft:snapshot} on connect. */
    public boolean sendsAircraftSnapshot() {
        return this == ALL || this == AIRCRAFT;
    }

    private Map<String, Set<Channel>> topicMap() {
        return TopicTable.of(this);
    }

    /** Built lazily: the combined endpoint's table needs every other endpoint's. */
    private static final class TopicTable {
        private static final Map<Endpoint, Map<String, Set<Channel>>> TABLES = build();

        static Map<String, Set<Channel>> of(Endpoint e) {
            return TABLES.get(e);
        }

        private static Map<Endpoint, Map<String, Set<Channel>>> build() {
            Map<Endpoint, Map<String, Set<Channel>>> tables = new LinkedHashMap<>();
            Map<String, Set<Channel>> combined = new LinkedHashMap<>();
            for (Endpoint e : values()) {
                if (e == ALL) {
                    continue;
                }
                Map<String, Set<Channel>> own = new LinkedHashMap<>(e.topics);
                Set<Channel> every = EnumSet.noneOf(Channel.class);
                e.topics.values().forEach(every::addAll);
                own.put(ALL_TOPIC, every);
                tables.put(e, Map.copyOf(own));
                // on /ws/all/ an endpoint's name selects all of its channels ...
                combined.merge(e.path, every, Endpoint::union);
                // ... and its own topic names keep their meaning
                e.topics.forEach((name, channels) -> combined.merge(name, channels, Endpoint::union));
            }
            combined.put(ALL_TOPIC, EnumSet.allOf(Channel.class));
            tables.put(ALL, Map.copyOf(combined));
            return tables;
        }
    }

    private static Set<Channel> union(Set<Channel> a, Set<Channel> b) {
        Set<Channel> u = EnumSet.copyOf(a);
        u.addAll(b);
        return u;
    }

    /** Topic names of one endpoint, sorted, for error messages and docs. */
    public List<String> sortedTopicNames() {
        return topicNames().stream().sorted().toList();
    }
}
