package io.skyspy.app;

import io.skyspy.app.auth.AuthCli;
import java.util.concurrent.TimeUnit;

/** Starts one SkySpy node with the embedded defaults, the flags and the optional config file. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (AuthCli.handles(args)) {
            String store = com.typesafe.config.ConfigFactory.load().getString("skyspy.auth.store-file");
            System.exit(AuthCli.main(args, java.nio.file.Path.of(store), System.out));
            return;
        }
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("skyspy: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.print(CommandLine.HELP);
            return;
        }
        SkySpyServer server = SkySpyServer.start(parsed.config()).toCompletableFuture().get(60, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop().toCompletableFuture().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the JVM is going down anyway
            }
        }, "skyspy-shutdown"));
        server.system().getWhenTerminated().toCompletableFuture().get();
    }
}
