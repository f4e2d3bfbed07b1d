package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.postage.application.message.MessageQueries;
import org.postage.web.problem.Problem;

/**
 * Submissions and their messages. A submission is known by the queue id of its 250 reply and holds one message
 * per recipient ({@code <queue id>-<n>}); {@code /messages/{id}} answers either.
 */
@Path("/admin")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    private static final String NOT_YET =
            " (a submission just accepted appears once it has been processed, usually within a second)";

    @Inject
    MessageQueries queries;

    @GET
    @Path("/messages/{id}")
    public Response message(@PathParam("id") String id) {
        Optional<?> view = queries.message(id);
        if (view.isEmpty()) {
            view = queries.submission(id);
        }
        return view.map(v -> Response.ok(v).build())
                .orElseGet(() -> Problem.notFound("No message or submission with id '" + id + "'" + NOT_YET));
    }

    @GET
    @Path("/submissions/{id}")
    public Response submission(@PathParam("id") String id) {
        return queries.submission(id)
                .map(v -> Response.ok(v).build())
                .orElseGet(() -> Problem.notFound("No submission with id '" + id + "'" + NOT_YET));
    }
}
