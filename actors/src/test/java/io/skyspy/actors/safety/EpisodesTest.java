package io.skyspy.actors.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.protocol.safety.SafetyNotice;
import io.skyspy.protocol.safety.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpisodesTest {
    private static Finding f(Severity s, String message) {
        return new Finding("k:A1", "extreme_vs", s, "A1", "CS1", null, null, message, Map.of("vertical_rate", 7000), 1000);
    }

    @Test
    void oneOpenedPerEpisodeUpdatesOnlyWhenItShowsAndResolvedAfterClearAfter() {
        Episodes e = new Episodes();
        List<SafetyNotice> first = e.observe(List.of(f(Severity.LOW, "m")), 0);
        SafetyNotice.Opened opened = assertInstanceOf(SafetyNotice.Opened.class, first.get(0));
        assertEquals(0, opened.event().detectedAt());
        assertTrue(e.observe(List.of(f(Severity.LOW, "m")), 100).isEmpty(), "the same finding again is nothing new");
        SafetyNotice.Updated up = assertInstanceOf(SafetyNotice.Updated.class, e.observe(List.of(f(Severity.MEDIUM, "m")), 200).get(0));
        assertEquals(opened.event().id(), up.event().id(), "same episode, same id");
        assertEquals(Severity.MEDIUM, up.event().severity());
        assertTrue(e.observe(List.of(), 1199).isEmpty(), "absent for less than clear-after");
        SafetyNotice.Resolved r = assertInstanceOf(SafetyNotice.Resolved.class, e.observe(List.of(), 1200).get(0));
        assertEquals(1200, r.event().resolvedAt());
        assertTrue(e.isEmpty());
        SafetyNotice.Opened again = assertInstanceOf(SafetyNotice.Opened.class, e.observe(List.of(f(Severity.LOW, "m")), 5000).get(0));
        assertTrue(again.event().id() != opened.event().id(), "a new episode gets a new id");
    }

    @Test
    void resolveIfEndsMatchingEpisodesAtOnce() {
        Episodes e = new Episodes();
        e.observe(List.of(f(Severity.LOW, "m")), 0);
        assertEquals(1, e.resolveIf(ev -> ev.involves("A1"), 10).size());
        assertTrue(e.isEmpty());
    }

    @Test
    void idsAreStableAndJavaScriptSafe() {
        assertEquals(EventIds.of("emergency:A1", 42), EventIds.of("emergency:A1", 42));
        assertTrue(EventIds.of("emergency:A1", 42) != EventIds.of("emergency:A1", 43));
        for (int i = 0; i < 1000; i++) {
            long id = EventIds.of("k" + i, i);
            assertTrue(id > 0 && id < (1L << 53), "id " + id);
        }
    }
}
