package io.skyspy.app.ws;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Session ids the server issues: unguessable, URL-safe, and checked when a client offers one back. */
final class SessionIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern VALID = Pattern.compile("^[a-z0-9]{20}$");

    private SessionIds() {}

    static String next() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
