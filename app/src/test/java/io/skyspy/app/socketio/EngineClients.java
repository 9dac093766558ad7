package io.skyspy.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.app.support.Await;
import io.skyspy.app.support.WireWebSocket;
import io.skyspy.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Raw Engine.IO clients for the tests that must send what no well-behaved client sends. */
final class EngineClients {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private EngineClients() {}

    record Reply(int status, String body) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }
    }

    /** Polling requests against {@code http://127.0.0.1:port/socket.io/}. */
    static final class Polling {
        private final String base;

        Polling(int port, String path) {
            this.base = "http://127.0.0.1:" + port + path + "/?EIO=4&transport=polling";
        }

        /** A new session; returns its sid. */
        String open() throws Exception {
            Reply r = get(base);
            if (r.status() != 200 || !r.body().startsWith("0")) {
                throw new AssertionError("handshake failed: " + r);
            }
            return Json.MAPPER.readTree(r.body().substring(1)).get("sid").asText();
        }

        Reply get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        Reply poll(String sid) throws Exception {
            return get(base + "&sid=" + sid);
        }

        CompletableFuture<Reply> pollAsync(String sid) {
            return sendAsync(HttpRequest.newBuilder(URI.create(base + "&sid=" + sid)).GET());
        }

        Reply post(String sid, String body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + (sid == null ? "" : "&sid=" + sid)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        Reply raw(String query, String method) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base.substring(0, base.indexOf('?') + 1) + query))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
        }

        /** True once the server no longer knows the sid (a waiting poll may first get its close packet). */
        boolean gone(String sid) throws Exception {
            Reply r = poll(sid);
            return r.status() == 400 || (r.status() == 200 && r.body().equals("1") && poll(sid).status() == 400);
        }

        private static Reply send(HttpRequest.Builder b) throws Exception {
            HttpResponse<String> r = HTTP.send(b.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        }

        private static CompletableFuture<Reply> sendAsync(HttpRequest.Builder b) {
            return HTTP.sendAsync(b.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> new Reply(r.statusCode(), r.body()));
        }
    }

    /** A WebSocket that records text and binary messages and how it closed. */
    static final class Ws implements AutoCloseable {
        final List<Object> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final WireWebSocket socket;

        Ws(int port, String query) throws IOException {
            WireWebSocket.Listener listener = new WireWebSocket.Listener() {
                @Override
                public void onText(String text) {
                    received.add(text);
                }

                @Override
                public void onBinary(byte[] bytes) {
                    received.add(bytes);
                }

                @Override
                public void onClose(int code, String reason) {
                    closed.complete(code);
                }

                @Override
                public void onError(Throwable error) {
                    closed.complete(-1);
                }
            };
            socket = WireWebSocket.connect(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket" + query),
                    List.of(), listener);
        }

        void send(String text) {
            socket.sendText(text);
        }

        void sendBinary(byte[] bytes) {
            socket.sendBinary(bytes);
        }

        /** The first received text message that starts with {@code prefix}. */
        String awaitText(String prefix) {
            String[] found = new String[1];
            Await.until("a message starting with " + prefix, TIMEOUT, () -> {
                for (Object o : received) {
                    if (o instanceof String s && s.startsWith(prefix)) {
                        found[0] = s;
                        return true;
                    }
                }
                return false;
            });
            return found[0];
        }

        int awaitClose() throws Exception {
            return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
