package dev.agentbin.api.web;

import dev.agentbin.observe.Metrics;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The API's failures as metrics (docs/operations.md, "Metrics"): 4xx and 5xx by route, where a route is its
 * template ({@code GET /v1.0/agents/{id}}), never the raw path, so the dimension stays bounded; failed
 * logins and throttled requests besides. Successes are API Gateway's own metrics.
 */
public class ApiMetrics {

    static final String LOGIN_ROUTE = "POST /auth/login";
    /** A request no route took (a 404 ROUTE_NOT_FOUND, or one refused before routing). */
    static final String UNMATCHED = "unmatched";

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        int status = response.getStatus();
        if (status < 400) {
            return;
        }
        String route = route(request.getMethod(), resource);
        Metrics.count("ApiErrors")
                .by("StatusClass", status >= 500 ? "5xx" : "4xx")
                .by("Route", route)
                .emit();
        if (status == 429) {
            Metrics.count("Throttled").by("Route", route).emit();
        }
        if (status == 401 && route.equals(LOGIN_ROUTE)) {
            Metrics.count("LoginFailures").emit();
        }
    }

    static String route(String method, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return UNMATCHED;
        }
        return method + " "
                + join(
                        path(resource.getResourceClass().getAnnotation(Path.class)),
                        path(resource.getResourceMethod().getAnnotation(Path.class)));
    }

    private static String path(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String classPath, String methodPath) {
        String joined = "/" + classPath + "/" + methodPath;
        joined = joined.replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
