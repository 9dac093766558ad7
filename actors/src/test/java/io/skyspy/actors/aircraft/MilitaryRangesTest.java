package io.skyspy.actors.aircraft;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MilitaryRangesTest {

    @Test
    void usBlockBoundaries() {
        assertFalse(MilitaryRanges.isMilitary(0xADF7C7), "the last US civil address");
        assertTrue(MilitaryRanges.isMilitary(0xADF7C8));
        assertTrue(MilitaryRanges.isMilitary(0xAE1234));
        assertTrue(MilitaryRanges.isMilitary(0xAFFFFF));
        assertFalse(MilitaryRanges.isMilitary(0xB00000));
        assertFalse(MilitaryRanges.isMilitary(0xA00001));
    }

    @Test
    void otherBlocks() {
        assertTrue(MilitaryRanges.isMilitary(0x43C000));
        assertTrue(MilitaryRanges.isMilitary(0x43CFFF));
        assertFalse(MilitaryRanges.isMilitary(0x43D000));
        assertFalse(MilitaryRanges.isMilitary(0x43BFFF));
        assertTrue(MilitaryRanges.isMilitary(0x3F4000));
        assertFalse(MilitaryRanges.isMilitary(0x3C6444), "a Lufthansa airliner");
        assertFalse(MilitaryRanges.isMilitary(0x4CA7B5), "an Irish airliner");
        assertFalse(MilitaryRanges.isMilitary(0x000000));
        assertFalse(MilitaryRanges.isMilitary(0xFFFFFF));
    }

    @Test
    void hexStrings() {
        assertTrue(MilitaryRanges.isMilitary("ae1234"));
        assertTrue(MilitaryRanges.isMilitary("ADF7C8"));
        assertFalse(MilitaryRanges.isMilitary("ADF7C7"));
        assertFalse(MilitaryRanges.isMilitary("~ae1234"));
        assertFalse(MilitaryRanges.isMilitary("nonsense"));
        assertFalse(MilitaryRanges.isMilitary((String) null));
    }
}
