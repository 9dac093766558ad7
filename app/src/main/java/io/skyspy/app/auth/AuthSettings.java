package io.skyspy.app.auth;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication and abuse-limit settings, from {@code skyspy.auth} and {@code skyspy.limits}.
 * See application.conf for what each key means.
 */
public record AuthSettings(
        AuthMode mode,
        boolean rejectInvalidTokens,
        Set<String> publicPermissions,
        Path storeFile,
        List<User> configuredUsers,
        String jwtSecret,
        List<Path> jwtPublicKeys,
        Path jwksFile,
        String issuer,
        String audience,
        Duration clockSkew,
        Duration accessTtl,
        Duration refreshTtl,
        Duration inBandDeadline,
        Set<String> allowedOrigins,
        Limits limits) {

    /**
     * Whether a handshake's {@code Origin} may connect: browsers' must be in {@code allowedOrigins}
     * unless that is empty. Requests without an Origin do not come from a browser, and are not
     * asked for one.
     */
    public boolean originAllowed(Optional<String> origin) {
        return allowedOrigins.isEmpty() || origin.isEmpty() || allowedOrigins.contains(origin.get());
    }

    /** Abuse limits. */
    public record Limits(double messagesPerSecond, int messageBurst, int closeAfterViolations, int connectionsPerIp,
            int connectionsPerIdentity, int maxConnections, int handshakesPerSecond) {}

    public static AuthSettings create(Config config) {
        Config a = config.getConfig("skyspy.auth");
        Config j = a.getConfig("jwt");
        Config l = config.getConfig("skyspy.limits");
        List<User> users = a.getConfigList("users").stream()
                .map(u -> new User(u.hasPath("id") ? u.getString("id") : "user:" + u.getString("username"),
                        u.getString("username"), u.getString("password-hash"),
                        u.hasPath("roles") ? u.getStringList("roles") : List.of(),
                        u.hasPath("permissions") ? u.getStringList("permissions") : List.of()))
                .toList();
        return new AuthSettings(
                AuthMode.parse(a.getString("mode")),
                a.getBoolean("reject-invalid-tokens"),
                Set.copyOf(a.getStringList("public-permissions")),
                Path.of(a.getString("store-file")),
                users,
                j.getString("secret"),
                j.getStringList("public-keys").stream().map(Path::of).toList(),
                j.getString("jwks-file").isBlank() ? null : Path.of(j.getString("jwks-file")),
                j.getString("issuer"),
                j.getString("audience"),
                j.getDuration("clock-skew"),
                j.getDuration("access-ttl"),
                j.getDuration("refresh-ttl"),
                a.getDuration("in-band-deadline"),
                Set.copyOf(a.getStringList("allowed-origins")),
                new Limits(l.getDouble("messages-per-second"), l.getInt("message-burst"), l.getInt("close-after-violations"),
                        l.getInt("connections-per-ip"), l.getInt("connections-per-identity"), l.getInt("max-connections"),
                        l.getInt("handshakes-per-second")));
    }
}
