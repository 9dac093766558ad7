package io.skyspy.actors.aircraft;

/**
 * ICAO address blocks states reserve for their military, so an aircraft with no database row is
 * still recognised as military. The blocks are the ones readsb treats as military; only blocks
 * whose allocation is well established are listed.
 */
public final class MilitaryRanges {

    /** Inclusive {first, last} pairs, sorted by first address. */
    private static final int[][] BLOCKS = {
        {0x010070, 0x01008F}, // Egypt
        {0x33FF00, 0x33FFFF}, // Italy
        {0x3F4000, 0x3FBFFF}, // Germany
        {0x400000, 0x40003F}, // United Kingdom
        {0x43C000, 0x43CFFF}, // United Kingdom
        {0x44F000, 0x44FFFF}, // Belgium
        {0x480000, 0x480FFF}, // Netherlands
        {0xADF7C8, 0xAFFFFF}, // United States
    };

    private MilitaryRanges() {}

    public static boolean isMilitary(int icao24) {
        for (int[] block : BLOCKS) {
            if (icao24 < block[0]) {
                return false;
            }
            if (icao24 <= block[1]) {
                return true;
            }
        }
        return false;
    }

    /** The same for a six-digit hex address; anything that is not one (e.g. {@code ~} addresses) is not military. */
    public static boolean isMilitary(String hex) {
        int icao = AircraftDatabase.parseIcao(hex);
        return icao >= 0 && isMilitary(icao);
    }
}
