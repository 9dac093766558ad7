package io.skyspy.protocol;

import java.util.Set;

/**
 * Who is on the other end of a connection. Anonymous connections have no user id and only the
 * permissions the auth mode grants the public.
 *
 * @param userId stable id of the user (owner of private alert rules), null when anonymous
 * @param name display name (username or API key label), never a secret
 * @param roles e.g. {@code admin}, {@code user}
 * @param permissions e.g. {@code audio}, {@code alerts}, {@code admin}
 * @param expiresAtMillis when the credential stops being valid, 0 when it does not expire
 */
public record Principal(String userId, String name, Set<String> roles, Set<String> permissions, long expiresAtMillis)
        implements CborSerializable {

    public static final String ADMIN = "admin";
    public static final String AUDIO = "audio";

    public Principal {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public static Principal anonymous() {
        return new Principal(null, "anonymous", Set.of(), Set.of(), 0);
    }

    public boolean authenticated() {
        return userId != null;
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN) || permissions.contains(ADMIN);
    }

    public boolean can(String permission) {
        return isAdmin() || permissions.contains(permission);
    }
}
