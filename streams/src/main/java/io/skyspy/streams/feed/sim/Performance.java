package io.skyspy.streams.feed.sim;

/**
 * How a class of aircraft flies: typical speeds, levels and rates. Ranges are drawn from per
 * aircraft so two airliners of the same class do not fly in lock-step.
 *
 * @param minCruiseGs lowest cruise ground speed, kt
 * @param maxCruiseGs highest cruise ground speed, kt
 * @param minCruiseAlt lowest cruise altitude, ft
 * @param maxCruiseAlt highest cruise altitude, ft
 * @param climbFpm best climb rate
 * @param descentFpm steepest planned descent rate
 * @param turnRate degrees per second in the air (3 is a standard-rate turn)
 * @param approachGs final approach speed, kt
 * @param rotateGs speed at which it leaves the runway, kt
 * @param accel speed change in the air, kt per second
 */
record Performance(
        double minCruiseGs,
        double maxCruiseGs,
        double minCruiseAlt,
        double maxCruiseAlt,
        double climbFpm,
        double descentFpm,
        double turnRate,
        double approachGs,
        double rotateGs,
        double accel) {

    static final Performance LIGHT = new Performance(95, 150, 2_500, 9_500, 700, 600, 3, 70, 60, 1.5);
    static final Performance REGIONAL = new Performance(380, 430, 24_000, 35_000, 2_500, 2_200, 3, 130, 140, 2);
    static final Performance JET = new Performance(420, 480, 30_000, 39_000, 2_500, 2_200, 3, 140, 150, 2);
    static final Performance HEAVY = new Performance(450, 510, 32_000, 41_000, 1_800, 2_000, 2.5, 150, 165, 1.5);
    static final Performance ROTOR = new Performance(60, 110, 500, 1_500, 800, 600, 5, 40, 0, 3);

    /** The class an ADS-B emitter category flies like. */
    static Performance of(String category) {
        return switch (category) {
            case "A1" -> LIGHT;
            case "A2" -> REGIONAL;
            case "A5" -> HEAVY;
            case "A7" -> ROTOR;
            default -> JET;
        };
    }
}
