package io.skyspy.app.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.skyspy.app.auth.ApiKey;
import io.skyspy.app.auth.PasswordHasher;
import io.skyspy.app.auth.User;
import io.skyspy.app.auth.UserStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A store file with users and API keys (one revoked), and tokens of every kind the auth tests
 * need: valid, expired, signed with the wrong secret, for the wrong audience.
 */
public final class AuthFixture {
    public static final String SECRET = "test-secret-0123456789abcdef0123456789";
    public static final String PASSWORD = "correct horse battery staple";

    public final Path store;
    public final String liveKey;
    public final String audioKey;
    public final String revokedKey;

    public AuthFixture() throws IOException {
        store = Files.createTempDirectory("skyspy-auth").resolve("auth.json");
        ApiKey.Created live = ApiKey.create("key:live", "live", true, List.of(), List.of());
        ApiKey.Created audio = ApiKey.create("key:audio", "audio", false, List.of(), List.of("audio"));
        ApiKey.Created revoked = ApiKey.create("key:revoked", "old", true, List.of(), List.of());
        liveKey = live.key();
        audioKey = audio.key();
        revokedKey = revoked.key();
        List<User> users = List.of(
                new User("user:alice", "alice", PasswordHasher.hash(PASSWORD, 1000), List.of(), List.of("audio")),
                new User("user:root", "root", PasswordHasher.hash(PASSWORD, 1000), List.of("admin"), List.of()));
        UserStore.write(store, new UserStore.Contents(users,
                List.of(live.stored(), audio.stored(), revoked.stored().revoke())));
    }

    /** HOCON for a server using this fixture. */
    public String config(String mode, boolean rejectInvalid) {
        return """
                skyspy.auth.mode = %s
                skyspy.auth.reject-invalid-tokens = %s
                skyspy.auth.store-file = "%s"
                skyspy.auth.jwt.secret = "%s"
                skyspy.auth.jwt.clock-skew = 0s
                skyspy.auth.in-band-deadline = 1500ms
                skyspy.websocket.ping-interval = 300ms
                """.formatted(mode, rejectInvalid, store, SECRET);
    }

    public static String jwt(String subject, Instant expires, String secret, String audience, String... permissions) {
        return JWT.create().withIssuer("skyspy").withAudience(audience).withSubject(subject).withClaim("name", subject)
                .withClaim("permissions", List.of(permissions)).withClaim("token_type", "access")
                .withIssuedAt(Instant.now().minusSeconds(60)).withExpiresAt(expires)
                .sign(Algorithm.HMAC256(secret));
    }

    public static String validJwt(String subject, String... permissions) {
        return jwt(subject, Instant.now().plusSeconds(600), SECRET, "skyspy", permissions);
    }

    public static String expiredJwt() {
        return jwt("user:alice", Instant.now().minusSeconds(120), SECRET, "skyspy");
    }

    public static String badlySignedJwt() {
        return jwt("user:alice", Instant.now().plusSeconds(600), "another-secret-that-is-long-enough-0000", "skyspy");
    }

    public static String wrongAudienceJwt() {
        return jwt("user:alice", Instant.now().plusSeconds(600), SECRET, "someone-else");
    }
}
