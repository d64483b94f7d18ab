package dev.agentbin.infra;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Set;

/** One "METHOD /path" entry of a function's routes, exactly as API Gateway's RouteKey spells it. */
public record Route(String method, String path) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    public Route {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("route method '" + method + "' is not one of " + METHODS);
        }
        if (path == null || !path.startsWith("/") || path.contains(" ")) {
            throw new IllegalArgumentException("route path '" + path + "' must start with / and hold no spaces");
        }
    }

    @JsonCreator
    public static Route parse(String key) {
        String[] parts = key.trim().split(" +", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("route '" + key + "' is not \"METHOD /path\"");
        }
        return new Route(parts[0], parts[1]);
    }

    public String key() {
        return method + " " + path;
    }
}
