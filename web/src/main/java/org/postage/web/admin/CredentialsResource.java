package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.postage.application.CredentialService;
import org.postage.web.problem.Problem;

@Path("/admin/smtp-credentials")
@AdminOnly
public class CredentialsResource {

    @Inject
    CredentialService credentials;

    /** Revokes at once: the next AUTH with it fails, and sessions already authenticated cannot start new mail. */
    @DELETE
    @Path("/{username}")
    public Response revoke(@PathParam("username") String username) {
        if (username.length() > 64 || !credentials.revoke(username)) {
            return Problem.notFound("No SMTP credential with username '" + username + "'");
        }
        return Response.noContent().build();
    }
}
