package io.skyspy.app.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the node's {@link Authenticator} from the settings: configured users plus the CLI's store file. */
public final class AuthModule {
    private AuthModule() {}

    public static Authenticator create(AuthSettings settings) {
        UserStore.Contents stored;
        try {
            stored = UserStore.read(settings.storeFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + settings.storeFile(), e);
        }
        List<User> users = new ArrayList<>(stored.users());
        users.addAll(settings.configuredUsers());
        return new Authenticator(settings, new JwtService(settings, Clock.systemUTC()), new UserStore(users, stored.apiKeys()));
    }
}
