package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.postage.application.CredentialService;
import org.postage.web.problem.JsonBody;
import org.postage.web.problem.Problem;

@Path("/admin/smtp-credentials")
@AdminOnly
public class CredentialsResource {

    private static final int MAX_USERNAME = 64;

    @Inject
    CredentialService credentials;

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
     * {@code {"refuse_in_session": true}}: a submission that breaks a rule is refused with 550 5.6.0 at the end of
     * DATA instead of being accepted and reported in an NDR, for clients that read SMTP replies. Applies from the
     * credential's next AUTH.
     */
    @PATCH
    @Path("/{username}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("username") String username, String body) {
        boolean refuse = JsonBody.parse(body).requiredBoolean("refuse_in_session");
        if (username.length() > MAX_USERNAME || !credentials.setRefuseInSession(username, refuse)) {
            return notFound(username);
        }
        return Response.noContent().build();
    }

    private static Response notFound(String username) {
        return Problem.notFound("No SMTP credential with username '" + username + "'");
    }
}
