package dev.agentbin.api.tag;

import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.api.web.ApiDocument;
import dev.agentbin.api.web.ErrorReasons;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** /v1.0/tags: the reference's Tag API; admins and managers write, everyone of the customer reads. */
@org.eclipse.microprofile.openapi.annotations.tags.Tag(
        name = "Tags",
        description = "Labels for agents, such as a"
                + " language or a skill (VoIPBIN's Tag API): agents carry tag ids, and the agent list filters by them. Admins and"
                + " managers write; every agent of the customer reads.")
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
    @Operation(operationId = "listTags", summary = "List tags", description = "The customer's live tags, newest first.")
    @APIResponse(responseCode = "200", description = "A page of tags")
    @Parameter(name = ApiDocument.PAGE_SIZE, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_SIZE)
    @Parameter(name = ApiDocument.PAGE_TOKEN, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_TOKEN)
    @APIResponse(responseCode = "400", description = ErrorReasons.PAGING)
    @APIResponse(responseCode = "403", description = ErrorReasons.KEY_WITHOUT_PERMISSION)
    public TagPage list(@Context UriInfo uri) {
        return tags.list(caller.get(), uri.getQueryParameters());
    }

    /** 200 with the tag, as the reference; 409 TAG_ALREADY_EXISTS when the customer has the name already. */
    @POST
    @Operation(
            operationId = "createTag",
            summary = "Create a tag",
            description =
                    "A new tag of the caller's customer; names are unique per customer, ignoring case. Answers 200,"
                            + " as the reference does. Admins and managers.")
    @APIResponse(responseCode = "200", description = "The tag, created")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER)
    @APIResponse(responseCode = "409", description = ErrorReasons.TAG_ALREADY_EXISTS)
    public Tag create(@Valid @NotNull(message = BODY_REQUIRED) TagRequest request) {
        return tags.create(caller.get(), request);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getTag",
            summary = "Get a tag",
            description =
                    "A tag, a deleted one too (with tm_delete), so that an id an agent carries can still be named.")
    @APIResponse(responseCode = "200", description = "The tag")
    @APIResponse(responseCode = "403", description = ErrorReasons.KEY_WITHOUT_PERMISSION)
    @APIResponse(responseCode = "404", description = ErrorReasons.TAG_NOT_FOUND)
    public Tag get(@PathParam("id") String id) {
        return tags.get(caller.get(), Ids.pathId(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateTag",
            summary = "Update a tag",
            description = "Its name and detail, both overwritten (detail absent: cleared). Admins and managers.")
    @APIResponse(responseCode = "200", description = "The tag, updated")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER)
    @APIResponse(responseCode = "404", description = ErrorReasons.TAG_NOT_FOUND)
    @APIResponse(responseCode = "409", description = ErrorReasons.TAG_ALREADY_EXISTS)
    public Tag update(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) TagRequest request) {
        return tags.update(caller.get(), Ids.pathId(id), request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteTag",
            summary = "Delete a tag",
            description = "Soft delete: the tag answers with tm_delete set, leaves the list and frees its name; agents"
                    + " carrying its id keep it. Admins and managers.")
    @APIResponse(responseCode = "200", description = "The tag, deleted")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER)
    @APIResponse(responseCode = "404", description = ErrorReasons.TAG_NOT_FOUND)
    public Tag delete(@PathParam("id") String id) {
        return tags.delete(caller.get(), Ids.pathId(id));
    }
}
