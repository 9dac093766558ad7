package io.skyspy.app.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skyspy.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users and API keys: those configured in HOCON ({@code skyspy.auth.users}) plus those the CLI
 * manages in a JSON file ({@code skyspy.auth.store-file}). Only hashes are ever stored.
 * Immutable once loaded; the CLI writes a new file, the server reads it at start.
 */
public final class UserStore {
    /** The file's shape. */
    public record Contents(List<User> users, List<ApiKey> apiKeys) {
        public Contents {
            users = users == null ? List.of() : List.copyOf(users);
            apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        }
    }

    private final Map<String, User> usersByName = new LinkedHashMap<>();
    private final Map<String, List<ApiKey>> keysByPrefix = new LinkedHashMap<>();

    public UserStore(List<User> users, List<ApiKey> keys) {
        users.forEach(u -> usersByName.put(u.username(), u));
        keys.forEach(k -> keysByPrefix.computeIfAbsent(k.prefix(), p -> new ArrayList<>()).add(k));
    }

    public Optional<User> user(String username) {
        return Optional.ofNullable(usersByName.get(username));
    }

    /** The stored key matching {@code key}, revoked or not. */
    public Optional<ApiKey> apiKey(String key) {
        return keysByPrefix.getOrDefault(ApiKey.prefixOf(key), List.of()).stream().filter(k -> k.matches(key)).findFirst();
    }

    public static Contents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), List.of());
        }
        return Json.MAPPER.readValue(file.toFile(), new TypeReference<Contents>() { });
    }

    /** Writes atomically, readable by the owner only: the file holds hashes, still not for everyone. */
    public static void write(Path file, Contents contents) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "auth", ".json");
        Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), contents);
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the platform's defaults
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
