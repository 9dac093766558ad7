package io.skyspy.actors.session;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Endpoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The topics one session follows on one endpoint, and the channels they amount to. Topic names
 * are checked against the endpoint's table and a safe pattern; unknown names are reported back,
 * never stored.
 */
public final class Subscriptions {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    /** What one subscribe or unsubscribe did. */
    public record Change(List<String> applied, List<String> invalid) {}

    private final Endpoint endpoint;
    private final int maxTopics;
    private final Set<String> topics = new LinkedHashSet<>();

    public Subscriptions(Endpoint endpoint, int maxTopics) {
        this.endpoint = endpoint;
        this.maxTopics = maxTopics;
    }

    public Change subscribe(List<String> names) {
        List<String> applied = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String n : names) {
            if (!NAME.matcher(n).matches() || endpoint.channelsOf(n).isEmpty()
                    || (!topics.contains(n) && topics.size() >= maxTopics)) {
                invalid.add(n);
            } else {
                topics.add(n);
                applied.add(n);
            }
        }
        return new Change(applied, invalid);
    }

    public Change unsubscribe(List<String> names) {
        List<String> applied = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String n : names) {
            if (topics.remove(n)) {
                applied.add(n);
            } else if (!NAME.matcher(n).matches() || endpoint.channelsOf(n).isEmpty()) {
                invalid.add(n);
            } else {
                applied.add(n);
            }
        }
        return new Change(applied, invalid);
    }

    public List<String> topics() {
        return List.copyOf(topics);
    }

    public Set<Channel> channels() {
        Set<Channel> c = EnumSet.noneOf(Channel.class);
        c.addAll(endpoint.channelsOf(topics));
        return c;
    }

    public Endpoint endpoint() {
        return endpoint;
    }
}
