package io.skyspy.app.http;

import java.util.Arrays;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/** The node's routes in order, and a plain 404 for every path none of them takes. */
public final class RootRoute extends AllDirectives {
    private RootRoute() {}

    public static Route of(Route... routes) {
        RootRoute r = new RootRoute();
        Route[] all = Arrays.copyOf(routes, routes.length + 1);
        all[routes.length] = r.complete(StatusCodes.NOT_FOUND, "Not found");
        return r.concat(all[0], Arrays.copyOfRange(all, 1, all.length));
    }
}
