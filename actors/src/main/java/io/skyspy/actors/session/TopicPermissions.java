package io.skyspy.actors.session;

import io.skyspy.protocol.Channel;
import io.skyspy.protocol.Endpoint;
import io.skyspy.protocol.Principal;
import java.util.Set;

/**
 * Which topics need which permission. A topic is allowed when every channel behind it is; on
 * {@code /ws/all/} the topic {@code all} is the exception: it quietly means "all you may see",
 * so an anonymous client following everything is not refused for the audio channels.
 */
public final class TopicPermissions {
    private static final Set<Channel> AUDIO = Set.of(Channel.AUDIO_TRANSMISSIONS, Channel.AUDIO_TRANSCRIPTIONS);

    private TopicPermissions() {}

    public static boolean allowed(Endpoint endpoint, String topic, Principal principal) {
        if (Endpoint.ALL_TOPIC.equals(topic) && endpoint == Endpoint.ALL) {
            return true;
        }
        return endpoint.channelsOf(topic).map(cs -> cs.stream().allMatch(c -> allowed(c, principal))).orElse(false);
    }

    public static boolean allowed(Channel channel, Principal principal) {
        if (AUDIO.contains(channel)) {
            return principal.can(Principal.AUDIO);
        }
        if (channel == Channel.SYSTEM) {
            return principal.isAdmin();
        }
        return true;
    }

    /** The channels of {@code channels} that {@code principal} may receive. */
    public static Set<Channel> visible(Set<Channel> channels, Principal principal) {
        Set<Channel> out = java.util.EnumSet.noneOf(Channel.class);
        for (Channel c : channels) {
            if (allowed(c, principal)) {
                out.add(c);
            }
        }
        return out;
    }
}
