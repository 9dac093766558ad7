package io.skyspy.app.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for dump1090/readsb's SBS port on loopback: accepts connections and writes the
 * lines a test gives it to every connected client, in the real BaseStation format.
 */
public final class FakeSbsSource implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public FakeSbsSource() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    clients.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-sbs-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String feed() {
        return "sbs://127.0.0.1:" + port();
    }

    public int connectedClients() {
        return clients.size();
    }

    /** Sends raw lines ({@code \r\n} appended) to every connected client. */
    public void send(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append("\r\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
        for (Socket s : clients) {
            try {
                OutputStream out = s.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                clients.remove(s);
            }
        }
    }

    /** A complete MSG line: empty strings for the fields the transmission type lacks. */
    public static String msg(int type, String hex, String callsign, String altitude, String gs, String track,
            String lat, String lon, String vrate, String squawk, String emergency, String onGround) {
        return String.join(",", "MSG", String.valueOf(type), "1", "1", hex, "1", "2024/01/15", "10:30:00.000",
                "2024/01/15", "10:30:00.000", callsign, altitude, gs, track, lat, lon, vrate, squawk, "0", emergency,
                "0", onGround);
    }

    public static String position(String hex, int altitude, double lat, double lon) {
        return msg(3, hex, "", String.valueOf(altitude), "", "", String.valueOf(lat), String.valueOf(lon), "", "", "", "0");
    }

    public static String identity(String hex, String callsign) {
        return msg(1, hex, callsign, "", "", "", "", "", "", "", "", "");
    }

    public static String velocity(String hex, int gs, int track, int vrate) {
        return msg(4, hex, "", "", String.valueOf(gs), String.valueOf(track), "", "", String.valueOf(vrate), "", "", "");
    }

    public static String squawk(String hex, String squawk, boolean emergency) {
        return msg(6, hex, "", "", "", "", "", "", "", squawk, emergency ? "-1" : "0", "");
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
    }
}
