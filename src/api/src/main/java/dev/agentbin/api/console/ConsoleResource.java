package dev.agentbin.api.console;

import dev.agentbin.api.auth.PublicRoute;
import dev.agentbin.api.web.ErrorReasons;
import dev.agentbin.common.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agent console: a page and its scripts, served on the API's own origin so the HttpOnly,
 * SameSite=Strict token cookie set by login goes with every request the page makes. The page itself is
 * public (it holds no data); everything it shows comes from the API, which authenticates as always.
 * Only the files listed here are served, from {@code console/} on the class path.
 */
@Tag(
        name = "Console",
        description = "The agent console: a web page for agents and supervisors, served on the API's own"
                + " origin. The page is public; everything it shows comes from the API.")
@SecurityRequirements
@Path("/console")
@PublicRoute
public class ConsoleResource {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8",
            "agent-view.js", "text/javascript; charset=utf-8",
            "supervisor-view.js", "text/javascript; charset=utf-8",
            "tags.js", "text/javascript; charset=utf-8",
            "figures.js", "text/javascript; charset=utf-8",
            "agent-stats.js", "text/javascript; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "ui.js", "text/javascript; charset=utf-8");

    /** Scripts and styles from this origin only, no inline script, no framing, no referrer. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @GET
    @Operation(operationId = "getConsole", summary = "The console page", description = "The console's HTML page.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("/{file}")
    @Operation(
            operationId = "getConsoleFile",
            summary = "A file of the console",
            description = "The page's scripts and style sheet.")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content = {
                @Content(mediaType = "text/html"),
                @Content(mediaType = "text/css"),
                @Content(mediaType = "text/javascript")
            })
    @APIResponse(responseCode = "404", description = ErrorReasons.NO_SUCH_FILE)
    public Response file(
            @Parameter(description = "A file the page loads, by name (console.js, ...)") @PathParam("file")
                    String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw ApiException.notFound("ROUTE_NOT_FOUND", "No such route.");
        }
        return Response.ok(read(name), type)
                // Revalidated on each load: a deploy shows at once, and the files are small.
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleResource.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
