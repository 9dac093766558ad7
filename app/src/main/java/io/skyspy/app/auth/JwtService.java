package io.skyspy.app.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.skyspy.protocol.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies JWTs (via com.auth0 java-jwt). Tokens this server issues are HS256 with the
 * configured secret; it also accepts RS256/ES256 tokens from an outside identity provider whose
 * public keys are configured (PEM files or a JWKS file). {@code exp}, {@code nbf}, {@code iss}
 * and {@code aud} are checked with a small clock skew.
 */
public final class JwtService {
    private static final Logger log = LoggerFactory.getLogger(JwtService.class);
    static final String TOKEN_TYPE = "token_type";

    private final AuthSettings settings;
    private final Algorithm hmac;
    private final List<Algorithm> external;
    private final Clock clock;

    public JwtService(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        String secret = settings.jwtSecret();
        if (secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            log.warn("skyspy.auth.jwt.secret is not set: tokens issued now stop working at restart and on other nodes");
        }
        this.hmac = Algorithm.HMAC256(secret);
        this.external = PublicKeys.algorithms(settings.jwtPublicKeys(), settings.jwksFile());
    }

    public String issueAccess(String userId, String name, List<String> roles, List<String> permissions) {
        return issue(userId, name, roles, permissions, "access", settings.accessTtl().toSeconds());
    }

    public String issueRefresh(String userId, String name, List<String> roles, List<String> permissions) {
        return issue(userId, name, roles, permissions, "refresh", settings.refreshTtl().toSeconds());
    }

    private String issue(String userId, String name, List<String> roles, List<String> permissions, String type, long ttl) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(settings.issuer())
                .withAudience(settings.audience())
                .withSubject(userId)
                .withClaim("name", name)
                .withClaim("roles", roles)
                .withClaim("permissions", permissions)
                .withClaim(TOKEN_TYPE, type)
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(now.plusSeconds(ttl))
                .sign(hmac);
    }

    /** Verifies an access token (or, with {@code type = "refresh"}, a refresh token). */
    public AuthResult verify(String token, String type) {
        DecodedJWT decoded;
        try {
            decoded = JWT.decode(token);
        } catch (JWTDecodeException e) {
            return new AuthResult.Invalid("malformed");
        }
        List<Algorithm> candidates = "HS256".equals(decoded.getAlgorithm()) ? List.of(hmac) : external;
        String failure = "unsupported algorithm " + decoded.getAlgorithm();
        for (Algorithm alg : candidates) {
            try {
                JWTVerifier.BaseVerification v = (JWTVerifier.BaseVerification) JWT.require(alg)
                        .withIssuer(settings.issuer())
                        .withAudience(settings.audience())
                        .acceptLeeway(settings.clockSkew().toSeconds());
                DecodedJWT ok = v.build(clock).verify(decoded);
                String tokenType = ok.getClaim(TOKEN_TYPE).asString();
                if (!type.equals(tokenType == null ? "access" : tokenType)) {
                    return new AuthResult.Invalid("wrong token type");
                }
                return new AuthResult.Valid(principal(ok));
            } catch (TokenExpiredException e) {
                return new AuthResult.Invalid("expired");
            } catch (JWTVerificationException e) {
                failure = e.getClass().getSimpleName();
            }
        }
        return new AuthResult.Invalid(failure);
    }

    private static Principal principal(DecodedJWT jwt) {
        Set<String> permissions = new HashSet<>(list(jwt, "permissions"));
        String scope = jwt.getClaim("scope").asString();
        if (scope != null) {
            permissions.addAll(List.of(scope.trim().split("\\s+")));
        }
        String name = jwt.getClaim("name").asString();
        if (name == null) {
            name = jwt.getClaim("preferred_username").asString();
        }
        long exp = jwt.getExpiresAtAsInstant() == null ? 0 : jwt.getExpiresAtAsInstant().toEpochMilli();
        return new Principal(jwt.getSubject(), name == null ? jwt.getSubject() : name, Set.copyOf(list(jwt, "roles")),
                permissions, exp);
    }

    private static List<String> list(DecodedJWT jwt, String claim) {
        List<String> l = jwt.getClaim(claim).asList(String.class);
        return l == null ? new ArrayList<>() : l;
    }

}
