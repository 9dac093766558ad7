package io.skyspy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void everyEndpointOfTheSpecExists() {
        for (String p : List.of("all", "aircraft", "airspace", "safety", "acars", "audio", "alerts", "notams", "stats", "cannonball")) {
            assertTrue(Endpoint.byPath(p).isPresent(), p);
        }
        assertTrue(Endpoint.byPath("nope").isEmpty());
    }

    @Test
    void topicsMapToChannelsPerEndpoint() {
        assertEquals(Set.of(Channel.SAFETY_TCAS), Endpoint.SAFETY.channelsOf("tcas").orElseThrow());
        assertEquals(EnumSet.of(Channel.AIRCRAFT, Channel.AIRCRAFT_STATS), Endpoint.AIRCRAFT.channelsOf("all").orElseThrow());
        assertTrue(Endpoint.AIRCRAFT.channelsOf("tcas").isEmpty());
    }

    @Test
    void combinedFeedAcceptsEveryTopicAndEndpointNames() {
        assertEquals(EnumSet.complementOf(EnumSet.noneOf(Channel.class)), Endpoint.ALL.channelsOf("all").orElseThrow());
        assertEquals(EnumSet.of(Channel.SAFETY_EVENTS, Channel.SAFETY_TCAS, Channel.SAFETY_EMERGENCY),
                Endpoint.ALL.channelsOf("safety").orElseThrow());
        assertTrue(Endpoint.ALL.channelsOf("aircraft").orElseThrow().contains(Channel.AIRCRAFT));
        for (Endpoint e : Endpoint.values()) {
            for (String topic : e.topicNames()) {
                assertTrue(Endpoint.ALL.channelsOf(topic).isPresent(), e + " topic " + topic);
            }
        }
    }
}
