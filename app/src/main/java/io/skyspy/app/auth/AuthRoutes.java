package io.skyspy.app.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * {@code POST /api/auth/token/} (username + password → access and refresh JWTs) and
 * {@code POST /api/auth/refresh/} (refresh token → new access token). Password hashing is
 * deliberately slow, so it runs on the blocking dispatcher, never on the HTTP threads.
 */
public final class AuthRoutes extends AllDirectives {
    private final Authenticator auth;
    private final Executor blocking;

    public AuthRoutes(Authenticator auth, Executor blocking) {
        this.auth = auth;
        this.blocking = blocking;
    }

    public Route route() {
        return pathPrefix("api", () -> pathPrefix("auth", () -> concat(
                pathPrefix("token", () -> pathEndOrSingleSlash(() -> post(() -> entity(
                        Unmarshaller.entityToString(), this::token)))),
                pathPrefix("refresh", () -> pathEndOrSingleSlash(() -> post(() -> entity(
                        Unmarshaller.entityToString(), this::refresh)))))));
    }

    private Route token(String body) {
        JsonNode json = parse(body);
        String username = json == null ? null : json.path("username").asText(null);
        String password = json == null ? null : json.path("password").asText(null);
        if (username == null || password == null) {
            return completeJson(StatusCodes.BAD_REQUEST, Map.of("detail", "username and password are required"));
        }
        return completeWithFuture(CompletableFuture.supplyAsync(() -> auth.login(username, password), blocking)
                .thenApply(user -> user.map(u -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("access", auth.jwt().issueAccess(u.id(), u.username(), u.roles(), u.permissions()));
                    out.put("refresh", auth.jwt().issueRefresh(u.id(), u.username(), u.roles(), u.permissions()));
                    out.put("token_type", "Bearer");
                    out.put("expires_in", auth.settings().accessTtl().toSeconds());
                    return json(StatusCodes.OK, out);
                }).orElseGet(() -> json(StatusCodes.UNAUTHORIZED, Map.of("detail", "Invalid credentials")))));
    }

    private Route refresh(String body) {
        JsonNode json = parse(body);
        String refresh = json == null ? null : json.path("refresh").asText(null);
        if (refresh == null) {
            return completeJson(StatusCodes.BAD_REQUEST, Map.of("detail", "refresh is required"));
        }
        AuthResult r = auth.jwt().verify(refresh, "refresh");
        if (r instanceof AuthResult.Valid v) {
            var p = v.principal();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("access", auth.jwt().issueAccess(p.userId(), p.name(), p.roles().stream().sorted().toList(),
                    p.permissions().stream().sorted().toList()));
            out.put("token_type", "Bearer");
            out.put("expires_in", auth.settings().accessTtl().toSeconds());
            return completeJson(StatusCodes.OK, out);
        }
        return completeJson(StatusCodes.UNAUTHORIZED, Map.of("detail", "Invalid token"));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    private Route completeJson(StatusCode status, Map<String, ?> body) {
        return complete(json(status, body));
    }

    private static HttpResponse json(StatusCode status, Map<String, ?> body) {
        return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, Json.bytes(body)));
    }
}
