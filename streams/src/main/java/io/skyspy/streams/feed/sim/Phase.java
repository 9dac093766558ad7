package io.skyspy.streams.feed.sim;

/** What a simulated aircraft is doing; {@link Pilot} moves it from one phase to the next. */
enum Phase {
    /** On the ground, rolling to the runway. */
    TAXI_OUT,
    /** On the runway, accelerating to rotation speed. */
    TAKEOFF_ROLL,
    /** Airborne, climbing to its cruise level and turning onto its departure track. */
    CLIMB,
    /** Level, drifting through the area with the odd heading change. */
    CRUISE,
    /** Descending towards an airport along a ~3° profile. */
    ARRIVAL,
    /** Just touched down, braking. */
    LANDING_ROLL,
    /** On the ground, rolling to the gate; the aircraft is removed when this ends. */
    TAXI_IN,
    /** Helicopter flying low and slow around the area, sometimes circling. */
    PATROL,
    /** Helicopter descending to land. */
    HELI_LANDING,
    /** Helicopter on the ground; removed when this ends. */
    PARKED
}
