package io.skyspy.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A stored API key: never the key itself, only a salted SHA-256 of it. Keys are 32 random
 * base62 characters after {@code sk_live_} / {@code sk_test_}, so a fast hash is safe (there is
 * nothing to brute-force), and lookups stay cheap on every connection. The first 12 characters
 * are kept as the lookup prefix; comparison is constant-time.
 *
 * @param id stable id, also the principal's user id
 */
public record ApiKey(String id, String label, String prefix, String salt, String hash, List<String> roles,
        List<String> permissions, boolean revoked) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** A new key and the record to store for it; the key is shown once and never again. */
    public record Created(String key, ApiKey stored) {}

    public static boolean looksLikeKey(String token) {
        return token != null && (token.startsWith("sk_live_") || token.startsWith("sk_test_")) && token.length() >= 20;
    }

    public static Created create(String id, String label, boolean live, List<String> roles, List<String> permissions) {
        StringBuilder sb = new StringBuilder(live ? "sk_live_" : "sk_test_");
        for (int i = 0; i < 32; i++) {
            sb.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        String key = sb.toString();
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return new Created(key, new ApiKey(id, label, prefixOf(key), salt, digest(salt, key), roles, permissions, false));
    }

    public static String prefixOf(String key) {
        return key.substring(0, Math.min(12, key.length()));
    }

    public boolean matches(String key) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                digest(salt, key).getBytes(StandardCharsets.US_ASCII));
    }

    public ApiKey revoke() {
        return new ApiKey(id, label, prefix, salt, hash, roles, permissions, true);
    }

    private static String digest(String salt, String key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
