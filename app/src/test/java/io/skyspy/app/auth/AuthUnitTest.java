package io.skyspy.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.typesafe.config.ConfigFactory;
import io.skyspy.protocol.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthUnitTest {

    private static AuthSettings settings(String extra) {
        return AuthSettings.create(ConfigFactory.parseString(extra).withFallback(ConfigFactory.load()).resolve());
    }

    @Test
    void originsAreCheckedOnlyForBrowsersAndOnlyWhenAnAllowListIsSet() {
        AuthSettings open = settings("");
        assertTrue(open.originAllowed(Optional.of("https://anywhere.example")));
        assertTrue(open.originAllowed(Optional.empty()));

        AuthSettings listed = settings("skyspy.auth.allowed-origins = [\"https://dash.example.org\"]");
        assertTrue(listed.originAllowed(Optional.of("https://dash.example.org")));
        assertTrue(listed.originAllowed(Optional.empty()), "no Origin: not a browser");
        assertFalse(listed.originAllowed(Optional.of("https://elsewhere.example.com")));
        assertFalse(listed.originAllowed(Optional.of("https://dash.example.org:8443")), "the port is part of an origin");
        assertFalse(listed.originAllowed(Optional.of("null")), "a sandboxed or file:// page");
    }

    @Test
    void passwordHashesVerifyAndAreSalted() {
        String a = PasswordHasher.hash("secret", 1000);
        String b = PasswordHasher.hash("secret", 1000);
        assertTrue(a.startsWith("pbkdf2_sha256$1000$"));
        assertFalse(a.equals(b), "salted");
        assertTrue(PasswordHasher.verify("secret", a));
        assertFalse(PasswordHasher.verify("Secret", a));
        assertFalse(PasswordHasher.verify("secret", "md5$x$y"));
        assertFalse(PasswordHasher.verify("secret", "pbkdf2_sha256$notanumber$s$h"));
    }

    @Test
    void apiKeysAreStoredAsSaltedHashes() {
        ApiKey.Created c = ApiKey.create("k1", "label", true, List.of(), List.of("audio"));
        assertTrue(c.key().startsWith("sk_live_") && c.key().length() == 40);
        assertFalse(c.stored().hash().contains(c.key()));
        assertTrue(c.stored().matches(c.key()));
        assertFalse(c.stored().matches(c.key() + "x"));
        assertTrue(ApiKey.create("k2", "t", false, List.of(), List.of()).key().startsWith("sk_test_"));
        UserStore store = new UserStore(List.of(), List.of(c.stored()));
        assertTrue(store.apiKey(c.key()).isPresent());
        assertTrue(store.apiKey("sk_live_nothing_like_it_at_all_000000000").isEmpty());
    }

    @Test
    void tokenBucketAllowsTheBurstThenTheRate() {
        TokenBucket b = new TokenBucket(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertTrue(b.tryTake(0));
        }
        assertFalse(b.tryTake(0));
        assertTrue(b.tryTake(100_000_000)); // 100 ms later: one more
        assertFalse(b.tryTake(100_000_000));
    }

    @Test
    void connectionLimitsPerAddressAndIdentityAndRelease() {
        ConnectionLimits limits = new ConnectionLimits(new AuthSettings.Limits(10, 10, 10, 2, 1, 100, 100));
        Principal alice = new Principal("u1", "alice", Set.of(), Set.of(), 0);
        String[] why = new String[1];
        ConnectionLimits.Lease a = limits.acquire("1.2.3.4", alice, why);
        assertNotNull(a);
        assertNull(limits.acquire("5.6.7.8", alice, why));
        assertEquals("too many connections for this identity", why[0]);
        ConnectionLimits.Lease b = limits.acquire("1.2.3.4", Principal.anonymous(), why);
        assertNull(limits.acquire("1.2.3.4", Principal.anonymous(), why));
        assertEquals("too many connections from this address", why[0]);
        a.release();
        a.release(); // idempotent
        b.release();
        assertEquals(0, limits.total());
        assertEquals(0, limits.trackedAddresses(), "nothing is left behind");
    }

    @Test
    void credentialsFromSubprotocolOrQuery() {
        HandshakeCredentials bearer = HandshakeCredentials.of(List.of("Bearer", "tok"), Map.of());
        assertEquals("tok", bearer.token());
        assertEquals(Optional.of("Bearer"), bearer.subprotocol());
        HandshakeCredentials access = HandshakeCredentials.of(List.of("access_token", "tok"), Map.of());
        assertEquals(Optional.of("access_token"), access.subprotocol());
        HandshakeCredentials query = HandshakeCredentials.of(List.of(), Map.of("token", "q"));
        assertTrue(query.fromQuery());
        assertEquals("q", query.token());
        assertNull(HandshakeCredentials.of(List.of("chat"), Map.of()).token());
        assertEquals(Optional.empty(), HandshakeCredentials.of(List.of("chat"), Map.of()).subprotocol());
    }

    @Test
    void jwtChecksExpiryNotBeforeIssuerAudienceAndType() {
        JwtService jwt = new JwtService(settings("skyspy.auth.jwt.secret = \"0123456789abcdef0123456789abcdef\""), Clock.systemUTC());
        String access = jwt.issueAccess("u1", "alice", List.of("admin"), List.of("audio"));
        Principal p = ((AuthResult.Valid) jwt.verify(access, "access")).principal();
        assertEquals("u1", p.userId());
        assertTrue(p.isAdmin() && p.can("audio"));
        assertInstanceOf(AuthResult.Invalid.class, jwt.verify(access, "refresh"));
        assertInstanceOf(AuthResult.Invalid.class, jwt.verify("not.a.jwt", "access"));
        Algorithm hmac = Algorithm.HMAC256("0123456789abcdef0123456789abcdef");
        String future = JWT.create().withIssuer("skyspy").withAudience("skyspy").withSubject("u")
                .withNotBefore(Instant.now().plusSeconds(600)).withExpiresAt(Instant.now().plusSeconds(900)).sign(hmac);
        assertEquals("IncorrectClaimException", ((AuthResult.Invalid) jwt.verify(future, "access")).reason());
        String otherIssuer = JWT.create().withIssuer("evil").withAudience("skyspy").withSubject("u")
                .withExpiresAt(Instant.now().plusSeconds(900)).sign(hmac);
        assertInstanceOf(AuthResult.Invalid.class, jwt.verify(otherIssuer, "access"));
        String skewed = JWT.create().withIssuer("skyspy").withAudience("skyspy").withSubject("u")
                .withExpiresAt(Instant.now().minusSeconds(10)).sign(hmac);
        assertInstanceOf(AuthResult.Valid.class, jwt.verify(skewed, "access"), "within the 30 s clock skew");
    }

    @Test
    void rs256FromAPemFileAndEs256FromAJwksFile() throws Exception {
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        KeyPair rsa = rsaGen.generateKeyPair();
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair ec = ecGen.generateKeyPair();
        Path dir = Files.createTempDirectory("keys");
        Path pem = dir.resolve("rsa.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        ECPublicKey ecPub = (ECPublicKey) ec.getPublic();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + url.encodeToString(fixed(ecPub.getW().getAffineX()))
                + "\",\"y\":\"" + url.encodeToString(fixed(ecPub.getW().getAffineY())) + "\"}]}");
        JwtService jwt = new JwtService(settings("skyspy.auth.jwt { secret = \"s0123456789abcdef0123456789abcdef\", public-keys = [\""
                + pem + "\"], jwks-file = \"" + jwks + "\" }"), Clock.systemUTC());
        String byRsa = JWT.create().withIssuer("skyspy").withAudience("skyspy").withSubject("rsa-user")
                .withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.RSA256((RSAPublicKey) rsa.getPublic(), (RSAPrivateKey) rsa.getPrivate()));
        String byEc = JWT.create().withIssuer("skyspy").withAudience("skyspy").withSubject("ec-user")
                .withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.ECDSA256(ecPub, (ECPrivateKey) ec.getPrivate()));
        assertEquals("rsa-user", ((AuthResult.Valid) jwt.verify(byRsa, "access")).principal().userId());
        assertEquals("ec-user", ((AuthResult.Valid) jwt.verify(byEc, "access")).principal().userId());
        KeyPair other = rsaGen.generateKeyPair();
        String forged = JWT.create().withIssuer("skyspy").withAudience("skyspy").withSubject("x")
                .withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.RSA256((RSAPublicKey) other.getPublic(), (RSAPrivateKey) other.getPrivate()));
        assertInstanceOf(AuthResult.Invalid.class, jwt.verify(forged, "access"));
    }

    private static byte[] fixed(java.math.BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }
}
