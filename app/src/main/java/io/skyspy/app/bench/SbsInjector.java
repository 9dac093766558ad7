package io.skyspy.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An SBS-1 (BaseStation, port 30003 style) source on loopback that the server connects to as a
 * feed: the critical-lane scenario writes one emergency squawk into it and times its arrival at
 * every client from the moment the line was written.
 */
final class SbsInjector implements AutoCloseable {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final ServerSocket server;
    private volatile Socket client;

    SbsInjector() throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptOne, "sbs-injector");
        t.setDaemon(true);
        t.start();
    }

    private void acceptOne() {
        try {
            Socket s = server.accept();
            s.setTcpNoDelay(true);
            client = s;
        } catch (IOException e) {
            // closed before the server connected
        }
    }

    int port() {
        return server.getLocalPort();
    }

    String feed() {
        return "sbs://127.0.0.1:" + port();
    }

    boolean awaitFeedConnected(long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (client == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
        return client != null;
    }

    /** A plain aircraft: identity, position and squawk 1200, so that later only the squawk changes. */
    void announce(String hex, String callsign, double lat, double lon, int altitude) throws IOException {
        write(msg(1, hex, callsign, "", "", "", "", "", "", "", "0"),
                msg(3, hex, "", Integer.toString(altitude), "", "", Double.toString(lat), Double.toString(lon), "", "", "0"),
                msg(4, hex, "", "", "420", "90", "", "", "0", "", "0"),
                msg(6, hex, "", "", "", "", "", "", "", "1200", "0"));
    }

    /** Keeps the aircraft from timing out. */
    void position(String hex, double lat, double lon, int altitude) throws IOException {
        write(msg(3, hex, "", Integer.toString(altitude), "", "", Double.toString(lat), Double.toString(lon), "", "", "0"));
    }

    /** Writes squawk 7700 with the emergency flag; returns the wall-clock millis just before the write. */
    long squawk7700(String hex) throws IOException {
        String line = msg(6, hex, "", "", "", "", "", "", "", "7700", "-1");
        long at = System.currentTimeMillis();
        write(line);
        return at;
    }

    private void write(String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append("\r\n");
        }
        OutputStream out = client.getOutputStream();
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One BaseStation MSG line; fields a transmission type lacks stay empty. */
    private static String msg(int type, String hex, String callsign, String altitude, String gs, String track,
            String lat, String lon, String vrate, String squawk, String emergency) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String d = DATE.format(now);
        String t = TIME.format(now);
        return String.join(",", "MSG", Integer.toString(type), "1", "1", hex, "1", d, t, d, t, callsign, altitude, gs,
                track, lat, lon, vrate, squawk, "0", emergency, "0", "0");
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket c = client;
        if (c != null) {
            c.close();
        }
    }
}
