package io.skyspy.app.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where and how one client connects.
 *
 * @param source local address to bind (several 127.0.0.x spread the ephemeral ports), or null
 * @param subscribeMessage the text frame sent right after the upgrade; the server's
 *     {@code subscribed} reply marks the client ready
 */
record ClientPlan(InetSocketAddress server, InetAddress source, String path, String hostHeader, byte[] subscribeMessage) {}
