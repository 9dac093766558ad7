package io.skyspy.streams.feed.sim;

import io.skyspy.streams.feed.sim.KnownAirframes.Airframe;
import io.skyspy.streams.feed.sim.SimAircraft.Role;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hands out who an aircraft is: address, callsign, squawk and category. Addresses are unique among
 * live aircraft and a replacement never reuses the address of the aircraft it replaces, so
 * clients see one aircraft leave and another arrive.
 */
final class Identities {

    /** US civil (N-number) addresses. */
    static final int CIVIL_FIRST = 0xA00001;
    static final int CIVIL_LAST = 0xADF7C7;
    /** US military addresses, the block readsb flags as military. */
    static final int MILITARY_FIRST = 0xADF7C8;
    static final int MILITARY_LAST = 0xAFFFFF;

    private static final String[] PASSENGER_AIRLINES = {
        "SWA", "AAL", "UAL", "DAL", "ASA", "JBU", "NKS", "HAL", "AAY", "FFT"
    };
    private static final String[] REGIONAL_AIRLINES = {"SKW", "QXE", "ENY", "RPA"};
    private static final String[] CARGO_AIRLINES = {"FDX", "UPS", "GTI", "ABX"};
    private static final String N_NUMBER_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    /**
     * A known airframe that just left is not flown again at once: clients would see an aircraft
     * vanish and the same address reappear elsewhere moments later.
     */
    private static final long KNOWN_AIRFRAME_REST_MILLIS = 20 * 60_000L;
    private static final long NEVER = Long.MIN_VALUE;

    private final SplittableRandom rnd;
    private final AddressSequence civil;
    private final AddressSequence militaryAddresses;
    private final Pool airliners = new Pool(KnownAirframes.AIRLINERS);
    private final Pool police = new Pool(KnownAirframes.POLICE_HELICOPTERS);
    private final Pool militaryFrames = new Pool(KnownAirframes.MILITARY);
    private final Pool light = new Pool(KnownAirframes.LIGHT);
    private long nowMillis = NEVER;

    Identities(SplittableRandom rnd) {
        this.rnd = rnd;
        this.civil = new AddressSequence(CIVIL_FIRST, CIVIL_LAST, rnd.nextInt(CIVIL_LAST - CIVIL_FIRST));
        this.militaryAddresses =
                new AddressSequence(MILITARY_FIRST, MILITARY_LAST, rnd.nextInt(MILITARY_LAST - MILITARY_FIRST));
    }

    /** The simulated time, for resting known airframes; set before each tick's updates. */
    void setTime(long millis) {
        nowMillis = millis;
    }

    /** Gives {@code a} a fresh identity for its role (which must be set). */
    void assign(SimAircraft a) {
        a.knownIndex = -1;
        a.military = a.role == Role.MILITARY;
        switch (a.role) {
            case AIRLINER -> {
                if (!useKnown(a, airliners, 0.3)) {
                    inventAirliner(a);
                }
            }
            case LIGHT -> {
                if (!useKnown(a, light, 0.2)) {
                    a.hex = hex(civil.next());
                    a.flight = nNumber();
                    a.category = rnd.nextDouble() < 0.85 ? "A1" : "A2";
                }
            }
            case HELICOPTER -> {
                if (!useKnown(a, police, 0.6)) {
                    a.hex = hex(civil.next());
                    a.flight = rnd.nextBoolean() ? lawEnforcementCallsign() : nNumber();
                    a.category = "A7";
                }
            }
            case MILITARY -> {
                if (!useKnown(a, militaryFrames, 0.4)) {
                    inventMilitary(a);
                }
            }
        }
        boolean vfr = (a.role == Role.LIGHT || a.role == Role.HELICOPTER) && rnd.nextBoolean();
        a.squawk = vfr ? "1200" : discreteSquawk();
    }

    /** Makes a known airframe available again once its aircraft has gone. */
    void release(SimAircraft a) {
        if (a.knownIndex < 0 || a.role == null) {
            return;
        }
        pool(a.role).release(a.knownIndex, nowMillis);
        a.knownIndex = -1;
    }

    private Pool pool(Role role) {
        return switch (role) {
            case AIRLINER -> airliners;
            case LIGHT -> light;
            case HELICOPTER -> police;
            case MILITARY -> militaryFrames;
        };
    }

    private boolean useKnown(SimAircraft a, Pool pool, double chance) {
        if (rnd.nextDouble() >= chance) {
            return false;
        }
        int size = pool.frames.size();
        int start = rnd.nextInt(size);
        for (int k = 0; k < size; k++) {
            int i = (start + k) % size;
            if (pool.available(i, nowMillis)) {
                pool.take(i);
                Airframe f = pool.frames.get(i);
                a.knownIndex = i;
                a.hex = f.hex();
                a.category = f.category();
                a.flight = f.numbered() ? f.callsign() + flightNumber(f.callsign()) : f.callsign();
                return true;
            }
        }
        return false;
    }

    private void inventAirliner(SimAircraft a) {
        a.hex = hex(civil.next());
        double kind = rnd.nextDouble();
        String airline;
        if (kind < 0.15) {
            airline = pick(CARGO_AIRLINES);
            a.category = rnd.nextDouble() < 0.7 ? "A5" : "A3";
        } else if (kind < 0.35) {
            airline = pick(REGIONAL_AIRLINES);
            a.category = rnd.nextDouble() < 0.4 ? "A2" : "A3";
        } else {
            airline = pick(PASSENGER_AIRLINES);
            double size = rnd.nextDouble();
            a.category = size < 0.12 ? "A5" : (size < 0.16 ? "A4" : "A3");
        }
        a.flight = airline + flightNumber(airline);
    }

    private void inventMilitary(SimAircraft a) {
        a.hex = hex(militaryAddresses.next());
        switch (rnd.nextInt(4)) {
            case 0 -> {
                a.flight = "RCH" + (100 + rnd.nextInt(900));
                a.category = "A5";
            }
            case 1 -> {
                a.flight = "CNV" + (1000 + rnd.nextInt(9000));
                a.category = "A3";
            }
            case 2 -> {
                a.flight = "PAT" + (10 + rnd.nextInt(990));
                a.category = "A2";
            }
            default -> {
                a.flight = "SPAR" + (10 + rnd.nextInt(90));
                a.category = "A3";
            }
        }
    }

    private String flightNumber(String prefix) {
        // four-character prefixes leave four digits for an 8-character callsign
        int max = prefix.length() >= 4 ? 99 : 2999;
        return Integer.toString(1 + rnd.nextInt(max));
    }

    /** A plausible US registration such as N4721K: at most 6 characters. */
    private String nNumber() {
        StringBuilder sb = new StringBuilder(6).append('N').append(1 + rnd.nextInt(9));
        int digits = rnd.nextInt(4);
        int letters = Math.min(rnd.nextInt(3), 4 - digits);
        for (int i = 0; i < digits; i++) {
            sb.append(rnd.nextInt(10));
        }
        for (int i = 0; i < letters; i++) {
            sb.append(N_NUMBER_LETTERS.charAt(rnd.nextInt(N_NUMBER_LETTERS.length())));
        }
        return sb.toString();
    }

    private String lawEnforcementCallsign() {
        return rnd.nextBoolean()
                ? "N" + (10 + rnd.nextInt(990)) + "PD"
                : "CHP" + (1 + rnd.nextInt(99));
    }

    /** Four octal digits, never an emergency code, 1200 (VFR) or 0000. */
    private String discreteSquawk() {
        while (true) {
            int code = rnd.nextInt(010000);
            int firstTwo = code >> 6;
            if (code != 0 && code != 01200 && firstTwo != 075 && firstTwo != 076 && firstTwo != 077) {
                return String.format("%04o", code);
            }
        }
    }

    private String pick(String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    static String hex(int icao) {
        return String.format("%06X", icao);
    }

    /** Known airframes of one role and which of them may fly now. */
    private static final class Pool {
        final List<Airframe> frames;
        private final boolean[] inUse;
        private final long[] releasedAt;

        Pool(List<Airframe> frames) {
            this.frames = frames;
            this.inUse = new boolean[frames.size()];
            this.releasedAt = new long[frames.size()];
            Arrays.fill(releasedAt, NEVER);
        }

        boolean available(int i, long now) {
            return !inUse[i] && (releasedAt[i] == NEVER || now - releasedAt[i] >= KNOWN_AIRFRAME_REST_MILLIS);
        }

        void take(int i) {
            inUse[i] = true;
        }

        void release(int i, long now) {
            inUse[i] = false;
            releasedAt[i] = now;
        }
    }

    /**
     * Walks an address block in a scrambled order without repeating: {@code first + (start + k *
     * stride) mod size} with a stride coprime to the size visits every address once per cycle.
     */
    private static final class AddressSequence {
        private final int first;
        private final long size;
        private final long stride;
        private long position;

        AddressSequence(int first, int last, int start) {
            this.first = first;
            this.size = (long) last - first + 1;
            long s = 7_919 * 131L;
            while (gcd(s, size) != 1) {
                s++;
            }
            this.stride = s;
            this.position = start;
        }

        int next() {
            while (true) {
                position = (position + stride) % size;
                int icao = (int) (first + position);
                if (!KnownAirframes.isKnown(icao)) {
                    return icao;
                }
            }
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }
}
