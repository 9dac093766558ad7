package io.skyspy.streams.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    final AtomicInteger overlong = new AtomicInteger();

    List<String> split(int max, String... chunks) throws Exception {
        return Source.from(List.of(chunks))
                .map(c -> ByteString.fromString(c, StandardCharsets.UTF_8))
                .via(new LineSplitter(max, overlong::incrementAndGet))
                .runWith(Sink.seq(), KIT.system())
                .toCompletableFuture()
                .get(3, TimeUnit.SECONDS);
    }

    @Test
    void linesAcrossChunksAndCrLf() throws Exception {
        assertEquals(List.of("ab", "cd", "", "ef"), split(10, "a", "b\r\nc", "d\n\r\n", "ef\n"));
        assertEquals(0, overlong.get());
    }

    @Test
    void finalLineWithoutNewlineIsKept() throws Exception {
        assertEquals(List.of("one", "two"), split(10, "one\ntwo"));
    }

    @Test
    void overlongLinesAreSkippedNotFatal() throws Exception {
        String big = "x".repeat(50);
        assertEquals(List.of("a", "b", "c"), split(10, "a\n" + big.substring(0, 20), big + "\nb\n", big + "\nc\n"));
        assertEquals(2, overlong.get());
    }

    @Test
    void lineAtTheLimitPassesOneBeyondDoesNot() throws Exception {
        assertEquals(List.of("1234567890", "ok"), split(10, "1234567890\n12345678901\nok\n"));
        assertEquals(1, overlong.get());
    }

    @Test
    void overlongUnterminatedTailIsCounted() throws Exception {
        assertEquals(List.of("a"), split(10, "a\n", "y".repeat(30)));
        assertEquals(1, overlong.get());
    }

    @Test
    void manyLinesInOneChunk() throws Exception {
        String chunk = "line\n".repeat(10_000);
        assertEquals(10_000, split(10, chunk).size());
    }
}
