package io.skyspy.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/** Settings for real cluster nodes in one test JVM: each its own remoting port, all seeded by the first. */
public final class TestCluster {
    private TestCluster() {}

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HOCON for a node on {@code port} that joins the cluster seeded at {@code seedPort}. */
    public static String node(int port, int seedPort, String feeds) {
        return """
                pekko.remote.artery.canonical.port = %d
                pekko.cluster.seed-nodes = ["pekko://skyspy@127.0.0.1:%d"]
                pekko.cluster.min-nr-of-members = 1
                skyspy.cluster.self-join = false
                skyspy.feeds = %s
                """.formatted(port, seedPort, feeds);
    }

    public static void awaitUp(TestServer node, int members, Duration timeout) {
        Await.until(members + " members up", timeout, () ->
                StreamSupport.stream(Cluster.get(node.server().system()).state().getMembers().spliterator(), false)
                        .filter(m -> m.status() == MemberStatus.up()).count() == members);
    }
}
