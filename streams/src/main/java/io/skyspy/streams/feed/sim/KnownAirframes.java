package io.skyspy.streams.feed.sim;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Airframes the simulator flies under their real-looking addresses, so that the aircraft
 * database's bundled sample ({@code actors: aircraft-db/sample.csv}) has a row for them and
 * clients see registrations and types on some simulated traffic. Keep the two lists in step.
 *
 * <p>The airliner addresses are the US N-number addresses of the registrations in the sample; the
 * police rows come from plane-alert-db; the military rows are invented addresses in the US
 * military block.
 */
final class KnownAirframes {

    /**
     * @param hex ICAO address
     * @param callsign the callsign, or the prefix a flight number is appended to
     * @param category ADS-B emitter category
     * @param numbered whether a flight number follows {@code callsign}
     */
    record Airframe(String hex, String callsign, String category, boolean numbered) {}

    static final List<Airframe> AIRLINERS = List.of(
            numbered("ABFC71", "SWA", "A3"),
            numbered("AA9769", "SWA", "A3"),
            numbered("ABE056", "SWA", "A3"),
            numbered("A009A4", "AAL", "A3"),
            numbered("A999D2", "AAL", "A5"),
            numbered("A44917", "UAL", "A3"),
            numbered("A31A54", "UAL", "A5"),
            numbered("A486D8", "DAL", "A3"),
            numbered("A641B6", "DAL", "A5"),
            numbered("ACD47E", "ASA", "A3"),
            numbered("A194AA", "JBU", "A3"),
            numbered("AC7AC9", "SKW", "A2"),
            numbered("ABAB90", "FDX", "A5"),
            numbered("A7DF59", "UPS", "A5"),
            numbered("AC77D0", "NKS", "A3"),
            numbered("A45BFA", "HAL", "A5"),
            numbered("AA3410", "AAY", "A4"));

    /** Southern California police helicopters; they fly with their registration as callsign. */
    static final List<Airframe> POLICE_HELICOPTERS = List.of(
            fixed("A8B939", "N661PD"),
            fixed("A8BCF0", "N662PD"),
            fixed("A8C815", "N665PD"),
            fixed("A8D33A", "N668PD"),
            fixed("A1FFB4", "N228LA"),
            fixed("A2036B", "N229LA"),
            fixed("A2CC9E", "N28LB"),
            fixed("A68DEE", "N521PD"),
            fixed("A1F894", "N226PD"),
            fixed("AD3CE5", "N952JH"),
            fixed("A97023", "N707SD"),
            fixed("A4C785", "N407KB"));

    static final List<Airframe> MILITARY = List.of(
            numbered("AE117B", "RCH", "A5"),
            numbered("AE04C5", "PACK", "A5"),
            numbered("AE6851", "NAVY", "A3"),
            numbered("AE2F6B", "CNV", "A3"));

    static final List<Airframe> LIGHT = List.of(
            fixed("A12239", "N172SP", "A1"),
            fixed("A69D99", "N525XL", "A2"));

    private static final int[] ALL_ADDRESSES = Stream.of(AIRLINERS, POLICE_HELICOPTERS, MILITARY, LIGHT)
            .flatMap(List::stream)
            .mapToInt(a -> Integer.parseInt(a.hex(), 16))
            .sorted()
            .toArray();

    private KnownAirframes() {}

    /** Whether one of the airframes above has this address, so invented addresses avoid them. */
    static boolean isKnown(int icao) {
        return Arrays.binarySearch(ALL_ADDRESSES, icao) >= 0;
    }

    private static Airframe numbered(String hex, String prefix, String category) {
        return new Airframe(hex, prefix, category, true);
    }

    private static Airframe fixed(String hex, String callsign) {
        return new Airframe(hex, callsign, "A7", false);
    }

    private static Airframe fixed(String hex, String callsign, String category) {
        return new Airframe(hex, callsign, category, false);
    }
}
