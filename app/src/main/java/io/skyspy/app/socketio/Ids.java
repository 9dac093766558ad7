package io.skyspy.app.socketio;

import java.security.SecureRandom;
import java.util.Base64;

/** Engine.IO session ids and Socket.IO socket ids: unguessable (a polling request is authorized by its sid alone). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** The node's prefix (routing hint) and 20 URL-safe random characters (120 bits). */
    static String next(String prefix) {
        return prefix + next();
    }

    /** 20 URL-safe characters (120 random bits). */
    static String next() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
