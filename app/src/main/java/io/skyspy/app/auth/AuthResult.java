package io.skyspy.app.auth;

import io.skyspy.protocol.Principal;

/** What checking one token gave. */
public sealed interface AuthResult {

    record Valid(Principal principal) implements AuthResult {}

    /** @param reason for logs and metrics only; clients always get "Invalid token" */
    record Invalid(String reason) implements AuthResult {}
}
