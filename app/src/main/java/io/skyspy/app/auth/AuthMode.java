package io.skyspy.app.auth;

/** The spec's authentication modes. */
public enum AuthMode {
    /** Everyone is welcome; a valid token still identifies the user. */
    PUBLIC,
    /** Anonymous users get the public topics; private features need a valid token. */
    HYBRID,
    /** Every connection needs a valid token (in the handshake or as the first message). */
    PRIVATE;

    public static AuthMode parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
