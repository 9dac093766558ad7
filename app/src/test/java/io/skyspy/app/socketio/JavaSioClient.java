package io.skyspy.app.socketio;

import io.skyspy.app.support.Await;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.client.Transport;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import io.socket.engineio.parser.Packet;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The Java Socket.IO client ({@code io.socket:socket.io-client} 2.x), recording every event it
 * receives. Over polling it upgrades as usual; {@link #upgraded()} tells when message packets
 * have arrived over the WebSocket, which only happens once the upgrade is complete.
 */
final class JavaSioClient implements AutoCloseable {
    enum Mode { WEBSOCKET, POLLING_THEN_UPGRADE }

    /** One received event; connect, connect_error and disconnect included. */
    record Event(String name, List<Object> args) {
        Object arg() {
            return args.isEmpty() ? null : args.get(0);
        }
    }

    private final Socket socket;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger messagesOverWebSocket = new AtomicInteger();

    private JavaSioClient(URI uri, Mode mode, Map<String, String> auth) {
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(mode == Mode.WEBSOCKET ? new String[] {WebSocket.NAME} : new String[] {Polling.NAME, WebSocket.NAME})
                .setUpgrade(true)
                .setAuth(auth)
                .setTimeout(10_000)
                .build();
        socket = IO.socket(uri, options);
        socket.io().on(Manager.EVENT_TRANSPORT, a -> {
            Transport t = (Transport) a[0];
            t.on(Transport.EVENT_PACKET, p -> {
                if (WebSocket.NAME.equals(t.name) && Packet.MESSAGE.equals(((Packet<?>) p[0]).type)) {
                    messagesOverWebSocket.incrementAndGet();
                }
            });
        });
        for (String e : List.of(Socket.EVENT_CONNECT, Socket.EVENT_CONNECT_ERROR, Socket.EVENT_DISCONNECT)) {
            socket.on(e, a -> events.add(new Event(e, Arrays.asList(a))));
        }
        socket.onAnyIncoming(a -> events.add(new Event((String) a[0], Arrays.asList(a).subList(1, a.length))));
        socket.connect();
    }

    /** @param namespace e.g. {@code /} or {@code /audio}; auth may be empty (no auth object) */
    static JavaSioClient connect(URI base, String namespace, Mode mode, Map<String, String> auth) {
        return new JavaSioClient(base.resolve(namespace), mode, auth);
    }

    /** The first event {@code name} whose first argument satisfies {@code test}. */
    Event await(String name, Predicate<Object> test, Duration timeout) {
        Event[] found = new Event[1];
        Await.until("event " + name, timeout, () -> {
            for (Event e : events) {
                if (e.name().equals(name) && test.test(e.arg())) {
                    found[0] = e;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    Event await(String name, Duration timeout) {
        return await(name, a -> true, timeout);
    }

    void emit(String event, Object arg) {
        socket.emit(event, arg);
    }

    /** Emits with a callback and returns the callback's arguments. */
    Object[] emitWithAck(String event, Object arg, Duration timeout) throws Exception {
        CompletableFuture<Object[]> acked = new CompletableFuture<>();
        socket.emit(event, new Object[] {arg}, (Ack) acked::complete);
        return acked.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean upgraded() {
        return messagesOverWebSocket.get() > 0;
    }

    boolean connected() {
        return socket.connected();
    }

    String id() {
        return socket.id();
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.io().off();
    }
}
