package io.skyspy.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's {@code java.net.http.WebSocket}) that records every message
 * it receives, as text and parsed JSON, and how the connection closed.
 */
public final class WsClient implements AutoCloseable {
    /** One received message and when it arrived. */
    public record Received(String text, JsonNode json, long receivedAtMillis) {}

    private final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final List<Received> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(URI uri, List<String> subprotocols) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder parts = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                parts.append(data);
                if (last) {
                    String text = parts.toString();
                    parts.setLength(0);
                    JsonNode json;
                    try {
                        json = Json.MAPPER.readTree(text);
                    } catch (Exception e) {
                        json = null;
                    }
                    inbox.add(new Received(text, json, System.currentTimeMillis()));
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeCode.complete(-1);
            }
        };
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!subprotocols.isEmpty()) {
            b = b.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        try {
            this.socket = b.buildAsync(uri, listener).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not connect to " + uri, e);
        }
    }

    public static WsClient connect(URI uri) {
        return new WsClient(uri, List.of());
    }

    public static WsClient connect(URI uri, String... subprotocols) {
        return new WsClient(uri, List.of(subprotocols));
    }

    public WebSocket socket() {
        return socket;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next message (in arrival order) that matches, skipping others; fails after the deadline. */
    public Received await(Predicate<Received> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r;
            try {
                r = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (r == null) {
                throw new AssertionError("no matching message within " + timeout + "; last seen: "
                        + seen.subList(Math.max(0, seen.size() - 3), seen.size()));
            }
            seen.add(r);
            if (match.test(r)) {
                return r;
            }
        }
    }

    /** The next message whose {@code type} is {@code type}. */
    public JsonNode awaitType(String type, Duration timeout) {
        return await(r -> r.json() != null && type.equals(r.json().path("type").asText()), timeout).json();
    }

    /** Everything received so far and not yet consumed by an await. */
    public List<Received> drain() {
        List<Received> out = new ArrayList<>();
        inbox.drainTo(out);
        seen.addAll(out);
        return out;
    }

    /** Every message consumed so far (by awaits and drains), in arrival order. */
    public List<Received> seen() {
        return List.copyOf(seen);
    }

    public int awaitClose(Duration timeout) {
        try {
            return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("connection not closed within " + timeout, e);
        }
    }

    public boolean closed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
