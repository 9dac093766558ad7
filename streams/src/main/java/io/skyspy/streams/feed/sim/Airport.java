package io.skyspy.streams.feed.sim;

/** Where simulated arrivals land and departures take off; field elevation is taken as 0 ft. */
record Airport(double lat, double lon, double runwayHeading) {}
