package dev.agentbin.api.accesskey;

import dev.agentbin.accesskey.AccessKey;
import dev.agentbin.accesskey.AccessKeyPage;
import dev.agentbin.accesskey.AccessKeyService;
import dev.agentbin.accesskey.CreateAccessKeyRequest;
import dev.agentbin.accesskey.UpdateAccessKeyRequest;
import dev.agentbin.api.auth.CurrentCaller;
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

/** /v1.0/accesskeys: the reference's access-key routes, for the admins of the caller's customer. */
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
    public AccessKeyPage list(@Context UriInfo uri) {
        return keys.list(caller.get(), uri.getQueryParameters());
    }

    /** 200 with the key and, this once, its secret in {@code token}. */
    @POST
    public AccessKey create(@Valid @NotNull(message = BODY_REQUIRED) CreateAccessKeyRequest request) {
        return keys.create(caller.get(), request);
    }

    @GET
    @Path("/{id}")
    public AccessKey get(@PathParam("id") String id) {
        return keys.get(caller.get(), Ids.pathId(id));
    }

    @PUT
    @Path("/{id}")
    public AccessKey update(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) UpdateAccessKeyRequest request) {
        return keys.update(caller.get(), Ids.pathId(id), request);
    }

    @DELETE
    @Path("/{id}")
    public AccessKey delete(@PathParam("id") String id) {
        return keys.delete(caller.get(), Ids.pathId(id));
    }
}
