package io.skyspy.actors.session;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of the session entities, from {@code skyspy.session}.
 *
 * @param resumeWindow how long a session outlives its socket so a reconnecting client resumes it
 * @param maxTopics topics one session may follow
 * @param requestTimeout how long a request may wait for the data it needs
 * @param maxBulkIcaos most hexes one {@code aircraft-info-bulk} request may ask for
 * @param cannonballRadiusNm how far out a cannonball user is warned until they {@code set_radius}
 */
public record SessionSettings(Duration resumeWindow, int maxTopics, Duration requestTimeout, int maxBulkIcaos,
        double cannonballRadiusNm) {

    public static SessionSettings create(Config config) {
        Config s = config.getConfig("skyspy.session");
        return new SessionSettings(s.getDuration("resume-window"), s.getInt("max-topics"),
                s.getDuration("request-timeout"), s.getInt("max-bulk-icaos"), s.getDouble("cannonball-radius-nm"));
    }
}
