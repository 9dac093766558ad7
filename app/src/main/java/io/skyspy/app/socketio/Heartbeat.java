package io.skyspy.app.socketio;

import java.time.Duration;
import org.apache.pekko.actor.Cancellable;

/**
 * The server-driven Engine.IO heartbeat of one connection: a ping {@code interval} after the
 * start or the last pong, and the connection is over when that ping is not answered within
 * {@code timeout}.
 *
 * <p>Two deadlines, because a timer fires a little late and a request may arrive early:
 * <ul>
 *   <li>the timer closes the connection {@code timeout} after the ping was actually sent, so a
 *       late ping never shortens the client's window to answer it;
 *   <li>{@link #overdue} says whether a poll comes after the moment the answer was due by the
 *       schedule ({@code interval + timeout} after the last pong), so a client polling right at
 *       that moment finds the session gone, as the protocol's own test suite checks to within a
 *       few milliseconds. A pong is accepted until the timer has acted.
 * </ul>
 */
final class Heartbeat {
    private final EngineContext context;
    private final Runnable ping;
    private final Runnable timedOut;
    private final long intervalNanos;
    private final long timeoutNanos;
    private Cancellable timer;
    // System.nanoTime() when the next ping is due by the schedule
    private long pingDue;
    // when the outstanding ping was sent; its answer is due timeoutNanos later
    private long sentAt;
    private boolean pingSent;
    private boolean running;

    Heartbeat(EngineContext context, Runnable ping, Runnable timedOut) {
        this.context = context;
        this.ping = ping;
        this.timedOut = timedOut;
        this.intervalNanos = context.settings().pingInterval().toNanos();
        this.timeoutNanos = context.settings().pingTimeout().toNanos();
    }

    synchronized void start() {
        if (!running && timer == null) {
            running = true;
            scheduleNextPing(System.nanoTime());
        }
    }

    /** The peer answered: the next ping is due one interval from now. */
    synchronized void pong() {
        if (!running || !pingSent) {
            return;
        }
        pingSent = false;
        cancel();
        scheduleNextPing(System.nanoTime());
    }

    /** True once the answer to the scheduled ping is overdue, whether or not the timers have caught up. */
    synchronized boolean overdue() {
        return running && System.nanoTime() - (pingDue + timeoutNanos) >= 0;
    }

    synchronized void stop() {
        running = false;
        cancel();
    }

    private void scheduleNextPing(long now) {
        pingDue = now + intervalNanos;
        timer = context.schedule(Duration.ofNanos(intervalNanos), this::sendPing);
    }

    private void sendPing() {
        synchronized (this) {
            if (!running) {
                return;
            }
            pingSent = true;
            sentAt = System.nanoTime();
            timer = context.schedule(Duration.ofNanos(timeoutNanos), this::check);
        }
        ping.run();
    }

    private void check() {
        synchronized (this) {
            if (!running || !pingSent) {
                return;
            }
            long left = sentAt + timeoutNanos - System.nanoTime();
            if (left > 0) {
                timer = context.schedule(Duration.ofNanos(left), this::check);
                return;
            }
        }
        timedOut.run();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
