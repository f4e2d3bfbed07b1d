package org.postage.web.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.postage.application.admin.AdminAuthentication;
import org.postage.web.problem.Problem;

/** HTTP Basic authentication for the admin API. */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthenticationFilter implements ContainerRequestFilter {

    private static final String CHALLENGE = "Basic realm=\"Postage admin\", charset=\"UTF-8\"";

    @Inject
    AdminAuthentication admin;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            request.abortWith(unauthorized("This API needs HTTP Basic authentication as user 'admin'"));
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            request.abortWith(unauthorized("The Authorization header is not valid Base64"));
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !admin.verify(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            request.abortWith(unauthorized("Wrong user or password"));
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }
}
