package io.skyspy.streams.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared fixtures by walking up from the working directory, wherever Maven runs us. */
final class Fixtures {
    static final String DC_AIRCRAFT_JSON = "readsb/aircraft-dc-dump1090fa.json";

    private Fixtures() {}

    static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/fixtures/" + relative + " above " + Path.of("").toAbsolutePath());
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
