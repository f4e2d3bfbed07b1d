package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.postage.application.MessageQueries;
import org.postage.web.problem.Problem;

@Path("/admin/messages")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    @Inject
    MessageQueries messages;

    @GET
    @Path("/{id}")
    public Response find(@PathParam("id") String id) {
        return messages.find(id)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> Problem.notFound("No message with queue id '" + id
                        + "' (a message just accepted appears once the queue has taken it up, usually within a second)"));
    }
}
