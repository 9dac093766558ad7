package io.skyspy.actors.session;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.Principal;
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
    public record Change(List<String> applied, List<String> invalid, List<String> denied) {}

    private final Endpoint endpoint;
    private final int maxTopics;
    private final Set<String> topics = new LinkedHashSet<>();

    public Subscriptions(Endpoint endpoint, int maxTopics) {
        this.endpoint = endpoint;
        this.maxTopics = maxTopics;
    }

    public Change subscribe(List<String> names, Principal principal) {
        List<String> applied = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        for (String n : names) {
            if (!NAME.matcher(n).matches() || endpoint.channelsOf(n).isEmpty()
                    || (!topics.contains(n) && topics.size() >= maxTopics)) {
                invalid.add(n);
            } else if (!TopicPermissions.allowed(endpoint, n, principal)) {
                denied.add(n);
            } else {
                topics.add(n);
                applied.add(n);
            }
        }
        return new Change(applied, invalid, denied);
    }

    /** Drops the topics {@code principal} may not follow (after a change of identity). */
    public void retainAllowed(Principal principal) {
        topics.removeIf(t -> !TopicPermissions.allowed(endpoint, t, principal));
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
        return new Change(applied, invalid, List.of());
    }

    public List<String> topics() {
        return List.copyOf(topics);
    }

    /** The channels the topics amount to, less those the principal may not receive. */
    public Set<Channel> channels(Principal principal) {
        Set<Channel> c = EnumSet.noneOf(Channel.class);
        c.addAll(endpoint.channelsOf(topics));
        return TopicPermissions.visible(c, principal);
    }

    public Endpoint endpoint() {
        return endpoint;
    }
}
