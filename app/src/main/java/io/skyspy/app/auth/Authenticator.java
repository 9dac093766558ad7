package io.skyspy.app.auth;

import io.skyspy.protocol.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a presented credential into a principal, and decides what the connection may do given
 * the auth mode. The one place both WebSocket and Socket.IO ask "who is this?".
 */
public final class Authenticator {
    /** The decision for a connection: who it is, or why it must close with 4001. */
    public sealed interface Decision {
        record Accept(Principal principal) implements Decision {}

        /** Private mode without a credential yet: wait for an in-band {@code auth} message. */
        record AwaitInBand() implements Decision {}

        record Reject(String reason) implements Decision {}
    }

    private final AuthSettings settings;
    private final JwtService jwt;
    private final UserStore users;

    public Authenticator(AuthSettings settings, JwtService jwt, UserStore users) {
        this.settings = settings;
        this.jwt = jwt;
        this.users = users;
    }

    public AuthSettings settings() {
        return settings;
    }

    public AuthResult verify(String token) {
        if (token == null || token.isBlank()) {
            return new AuthResult.Invalid("empty");
        }
        if (ApiKey.looksLikeKey(token)) {
            Optional<ApiKey> key = users.apiKey(token);
            if (key.isEmpty()) {
                return new AuthResult.Invalid("unknown api key");
            }
            if (key.get().revoked()) {
                return new AuthResult.Invalid("revoked api key");
            }
            ApiKey k = key.get();
            return new AuthResult.Valid(new Principal(k.id(), k.label(), Set.copyOf(k.roles()), Set.copyOf(k.permissions()), 0));
        }
        return jwt.verify(token, "access");
    }

    /** What to do with a new connection that presented {@code token} (null: none). */
    public Decision decide(String token) {
        if (token == null) {
            return settings.mode() == AuthMode.PRIVATE ? new Decision.AwaitInBand() : new Decision.Accept(anonymous());
        }
        AuthResult r = verify(token);
        if (r instanceof AuthResult.Valid v) {
            return new Decision.Accept(v.principal());
        }
        if (settings.mode() == AuthMode.PRIVATE || settings.rejectInvalidTokens()) {
            return new Decision.Reject(((AuthResult.Invalid) r).reason());
        }
        return new Decision.Accept(anonymous());
    }

    /** Anonymous, with the permissions public mode grants everyone; hybrid grants none. */
    public Principal anonymous() {
        if (settings.mode() == AuthMode.PUBLIC) {
            return new Principal(null, "anonymous", Set.of(), new HashSet<>(settings.publicPermissions()), 0);
        }
        return Principal.anonymous();
    }

    public Optional<User> login(String username, String password) {
        Optional<User> user = users.user(username);
        // hash even for unknown users, so the answer's timing does not tell which names exist
        boolean ok = PasswordHasher.verify(password, user.map(User::passwordHash).orElse(DUMMY_HASH));
        return ok ? user : Optional.empty();
    }

    private static final String DUMMY_HASH = PasswordHasher.hash("not a password", PasswordHasher.DEFAULT_ITERATIONS);

    public JwtService jwt() {
        return jwt;
    }
}
