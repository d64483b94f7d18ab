package dev.agentbin.api.tag;

import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.common.Ids;
import dev.agentbin.tag.Tag;
import dev.agentbin.tag.TagPage;
import dev.agentbin.tag.TagRequest;
import dev.agentbin.tag.TagService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** /v1.0/tags: the reference's Tag API; admins and managers write, everyone of the customer reads. */
@Path("/v1.0/tags")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    private final TagService tags;
    private final CurrentCaller caller;

    public TagResource(TagService tags, CurrentCaller caller) {
        this.tags = tags;
        this.caller = caller;
    }

    /** Query parameters: page_size, page_token; the customer's live tags, newest first. */
    @GET
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = "1-100, default 100")
    @Parameter(name = "page_token", in = ParameterIn.QUERY, description = "next_page_token of the previous page")
    public TagPage list(@Context UriInfo uri) {
        return tags.list(caller.get(), uri.getQueryParameters());
    }

    /** 200 with the tag, as the reference; 409 TAG_ALREADY_EXISTS when the customer has the name already. */
    @POST
    public Tag create(@Valid @NotNull(message = BODY_REQUIRED) TagRequest request) {
        return tags.create(caller.get(), request);
    }

    @GET
    @Path("/{id}")
    public Tag get(@PathParam("id") String id) {
        return tags.get(caller.get(), Ids.pathId(id));
    }

    @PUT
    @Path("/{id}")
    public Tag update(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) TagRequest request) {
        return tags.update(caller.get(), Ids.pathId(id), request);
    }

    @DELETE
    @Path("/{id}")
    public Tag delete(@PathParam("id") String id) {
        return tags.delete(caller.get(), Ids.pathId(id));
    }
}
