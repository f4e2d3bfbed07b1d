package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.postage.application.credential.CredentialService;
import org.postage.web.problem.Problem;

@Path("/admin/smtp-credentials")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {

    private static final int MAX_USERNAME = 64;

    @Inject
    CredentialService credentials;

    /** Everything about the credential but its password, which Postage does not have. */
    @GET
    @Path("/{username}")
    public Response find(@PathParam("username") String username) {
        if (username.length() > MAX_USERNAME) {
            return notFound(username);
        }
        return credentials.find(username).map(c -> Response.ok(c).build()).orElseGet(() -> notFound(username));
    }

    /** Revokes at once: the next AUTH with it fails, and sessions already authenticated cannot start new mail. */
    @DELETE
    @Path("/{username}")
    public Response revoke(@PathParam("username") String username) {
        if (username.length() > MAX_USERNAME || !credentials.revoke(username)) {
            return notFound(username);
        }
        return Response.noContent().build();
    }

    /**
     * Either field or both:
     * {@code "refuse_in_session": true}: a submission that breaks a rule is refused with 550 at the end of DATA
     * instead of being accepted and reported in an NDR, for clients that read SMTP replies (from the next AUTH).
     * {@code "allowed_senders": [...]}: the credential may send only as these senders of its account; an empty
     * list lifts the restriction (from the next MAIL).
     * Both or neither: a refused field leaves the other unchanged.
     */
    @PATCH
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(
            @PathParam("username") String username,
            @NotNull(message = AccountsResource.BODY_REQUIRED) @Valid CredentialSettings body) {
        if (body.refuseInSession() == null && body.allowedSenders() == null) {
            return Problem.badRequest("Send 'refuse_in_session', 'allowed_senders' or both");
        }
        // One call, one transaction: both fields change, or neither does.
        if (username.length() > MAX_USERNAME
                || !credentials.update(username, body.refuseInSession(), body.allowedSenders())) {
            return notFound(username);
        }
        return Response.noContent().build();
    }

    private static Response notFound(String username) {
        return Problem.notFound("No SMTP credential with username '" + username + "'");
    }
}
