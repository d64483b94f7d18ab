package dev.agentbin.api.accesskey;

import dev.agentbin.accesskey.AccessKey;
import dev.agentbin.accesskey.AccessKeyPage;
import dev.agentbin.accesskey.AccessKeyService;
import dev.agentbin.accesskey.CreateAccessKeyRequest;
import dev.agentbin.accesskey.UpdateAccessKeyRequest;
import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.api.web.ApiDocument;
import dev.agentbin.api.web.ErrorReasons;
import dev.agentbin.common.Ids;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /v1.0/accesskeys: the reference's access-key routes, for the admins of the caller's customer. */
@Tag(
        name = "Access keys",
        description = "Long-lived credentials for servers (a PBX, a CRM) instead of a person's"
                + " password: each acts in its customer with its own permission. The customer's admins manage them.")
@Path("/v1.0/accesskeys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccessKeyResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    private final AccessKeyService keys;
    private final CurrentCaller caller;

    public AccessKeyResource(AccessKeyService keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    /** Query parameters: page_size, page_token. */
    @GET
    @Operation(
            operationId = "listAccessKeys",
            summary = "List access keys",
            description = "The customer's live access keys, newest first, without their secrets.")
    @APIResponse(responseCode = "200", description = "A page of access keys")
    @Parameter(name = ApiDocument.PAGE_SIZE, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_SIZE)
    @Parameter(name = ApiDocument.PAGE_TOKEN, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_TOKEN)
    @APIResponse(responseCode = "400", description = ErrorReasons.PAGING)
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN)
    public AccessKeyPage list(@Context UriInfo uri) {
        return keys.list(caller.get(), uri.getQueryParameters());
    }

    /** 200 with the key and, this once, its secret in {@code token}. */
    @POST
    @Operation(
            operationId = "createAccessKey",
            summary = "Create an access key",
            description = "A new key of the caller's customer, expiring after expire seconds (a day to a year), acting"
                    + " as the customer's admin unless a narrower permission is asked for. Its secret (ak_...) is in"
                    + " token, in this answer only.")
    @APIResponse(responseCode = "200", description = "The key, with its secret in token (this once)")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN + ErrorReasons.CANNOT_GRANT)
    public AccessKey create(@Valid @NotNull(message = BODY_REQUIRED) CreateAccessKeyRequest request) {
        return keys.create(caller.get(), request);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAccessKey",
            summary = "Get an access key",
            description = "A live key, without its secret.")
    @APIResponse(responseCode = "200", description = "The key")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = ErrorReasons.ACCESSKEY_NOT_FOUND)
    public AccessKey get(@PathParam("id") String id) {
        return keys.get(caller.get(), Ids.pathId(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateAccessKey",
            summary = "Rename an access key",
            description = "Its name and detail (absent: cleared); permission and expiry stay.")
    @APIResponse(responseCode = "200", description = "The key, renamed")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = ErrorReasons.ACCESSKEY_NOT_FOUND)
    public AccessKey update(
            @PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) UpdateAccessKeyRequest request) {
        return keys.update(caller.get(), Ids.pathId(id), request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteAccessKey",
            summary = "Delete an access key",
            description = "The key is refused from the next request on; it answers with tm_delete set.")
    @APIResponse(responseCode = "200", description = "The key, deleted")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = ErrorReasons.ACCESSKEY_NOT_FOUND)
    public AccessKey delete(@PathParam("id") String id) {
        return keys.delete(caller.get(), Ids.pathId(id));
    }
}
