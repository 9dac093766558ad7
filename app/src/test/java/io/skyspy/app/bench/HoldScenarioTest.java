package io.skyspy.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The helper's report line is what the idle scenario reads back. */
class HoldScenarioTest {

    @Test
    void theLineItPrintsParsesBack() {
        HoldScenario.Held held = new HoldScenario.Held(7196, 2704);
        assertEquals(Optional.of(held), HoldScenario.Held.parse(held.line()));
    }

    @Test
    void otherLinesAreNotAReport() {
        assertTrue(HoldScenario.Held.parse("08:31:05 clients=153 server_open=6006").isEmpty());
    }
}
