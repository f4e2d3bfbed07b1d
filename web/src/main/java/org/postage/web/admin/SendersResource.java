package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.postage.application.sender.SenderAlreadyVerifiedException;
import org.postage.application.sender.SenderService;
import org.postage.application.sender.UnknownSenderException;
import org.postage.web.problem.Problem;

/** One sender of an account; senders are added under their account ({@code /api/admin/accounts/{id}/senders}). */
@Path("/admin/senders")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class SendersResource {

    @Inject
    SenderService senders;

    @GET
    @Path("/{id}")
    public Response find(@PathParam("id") String id) {
        try {
            return Response.ok(senders.find(PathIds.parse(id, "sender"))).build();
        } catch (UnknownSenderException e) {
            return Problem.notFound(e.getMessage());
        }
    }

    /** The operator vouches for the address: verified now, and any link mailed to it stops working. */
    @POST
    @Path("/{id}/verify")
    @Consumes(MediaType.WILDCARD)
    public Response verify(@PathParam("id") String id) {
        try {
            return Response.ok(senders.verifyByOperator(PathIds.parse(id, "sender"))).build();
        } catch (UnknownSenderException e) {
            return Problem.notFound(e.getMessage());
        }
    }

    /** Mails a new verification link (valid 24 h); the earlier one stops working. */
    @POST
    @Path("/{id}/verification-mail")
    @Consumes(MediaType.WILDCARD)
    public Response resendLink(@PathParam("id") String id) {
        try {
            return Response.accepted(senders.resendLink(PathIds.parse(id, "sender"))).build();
        } catch (UnknownSenderException e) {
            return Problem.notFound(e.getMessage());
        } catch (SenderAlreadyVerifiedException e) {
            return Problem.response(409, "Conflict", e.getMessage() + "; no link is needed");
        }
    }

    /** Mail from the address is refused from the next MAIL on (on other nodes within seconds). */
    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") String id) {
        return senders.remove(PathIds.parse(id, "sender")) ? Response.noContent().build()
                : Problem.notFound("No sender with id " + id);
    }
}
