package io.skyspy.app.auth;

import java.util.List;

/** A user who can log in with a password; {@code passwordHash} is a {@link PasswordHasher} hash. */
public record User(String id, String username, String passwordHash, List<String> roles, List<String> permissions) {}
