package io.skyspy.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import java.net.URI;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (over {@link WireWebSocket}) that records every message it receives, as
 * text and parsed JSON, and how the connection closed.
 */
public final class WsClient implements AutoCloseable {
    /** One received message and when it arrived. */
    public record Received(String text, JsonNode json, long receivedAtMillis) {}

    private final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final List<Received> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile Throwable error;
    private final WireWebSocket socket;

    private WsClient(URI uri, List<String> subprotocols) {
        WireWebSocket.Listener listener = new WireWebSocket.Listener() {
            @Override
            public void onText(String text) {
                JsonNode json;
                try {
                    json = Json.MAPPER.readTree(text);
                } catch (Exception e) {
                    json = null;
                }
                inbox.add(new Received(text, json, System.currentTimeMillis()));
            }

            @Override
            public void onClose(int code, String reason) {
                closeCode.complete(code);
            }

            @Override
            public void onError(Throwable e) {
                error = e;
                closeCode.complete(-1);
            }
        };
        try {
            this.socket = WireWebSocket.connect(uri, subprotocols, listener);
        } catch (IOException e) {
            throw new IllegalStateException("could not connect to " + uri, e);
        }
    }

    public static WsClient connect(URI uri) {
        return new WsClient(uri, List.of());
    }

    public static WsClient connect(URI uri, String... subprotocols) {
        return new WsClient(uri, List.of(subprotocols));
    }

    /** The subprotocol the server selected, or null. */
    public String subprotocol() {
        return socket.subprotocol();
    }

    public void send(String text) {
        socket.sendText(text);
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(bytes);
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
                        + seen.subList(Math.max(0, seen.size() - 3), seen.size())
                        + (error == null ? "" : "; connection failed: " + error));
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
        if (!socket.outputClosed()) {
            socket.sendClose(1000, "bye");
        }
        socket.close();
    }
}
