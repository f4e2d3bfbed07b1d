package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.postage.application.sender.SenderService;
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
        return Response.ok(senders.find(PathIds.parse(id, "sender"))).build();
    }

    /** The operator vouches for the address: verified now, and any link mailed to it stops working. No body. */
    @POST
    @Path("/{id}/verify")
    public Response verify(@PathParam("id") String id) {
        return Response.ok(senders.verifyByOperator(PathIds.parse(id, "sender")))
                .build();
    }

    /** Mails a new verification link (valid 24 h); the earlier one stops working. No body. */
    @POST
    @Path("/{id}/verification-mail")
    public Response resendLink(@PathParam("id") String id) {
        return Response.accepted(senders.resendLink(PathIds.parse(id, "sender")))
                .build();
    }

    /** Mail from the address is refused from the next MAIL on (on other nodes within seconds). */
    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") String id) {
        return senders.remove(PathIds.parse(id, "sender"))
                ? Response.noContent().build()
                : Problem.notFound("No sender with id " + id);
    }
}
