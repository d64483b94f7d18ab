package dev.agentbin.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The one resource of the framework floor: answers GET /v1.0/agents like the subject's first request, without work. */
@Path("/v1.0/agents")
public class HelloResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String hello() {
        return "{\"result\":[],\"next_page_token\":\"\"}";
    }
}
