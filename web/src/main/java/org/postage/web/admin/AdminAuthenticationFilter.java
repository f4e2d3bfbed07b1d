package org.postage.web.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.postage.application.admin.AdminAuthentication;
import org.postage.web.problem.Problem;

/**
 * HTTP Basic authentication for the admin API. A client address that has spent its budget of failed logins gets
 * 429 with {@code Retry-After}, its password unchecked; a wrong password is always a 401.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthenticationFilter implements ContainerRequestFilter {

    private static final String CHALLENGE = "Basic realm=\"Postage admin\", charset=\"UTF-8\"";

    @Inject
    AdminAuthentication admin;

    /** For the client's address, which JAX-RS does not give. */
    @Context
    HttpServletRequest servletRequest;

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
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? null : decoded.substring(colon + 1);
        AdminAuthentication.Outcome outcome = admin.login(servletRequest.getRemoteAddr(), user, password);
        switch (outcome.kind()) {
            case ACCEPTED -> {}
            case REFUSED -> request.abortWith(unauthorized("Wrong user or password"));
            case THROTTLED -> request.abortWith(tooManyFailures(outcome.retryAfter()));
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    static Response tooManyFailures(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.fromResponse(Problem.response(
                        429,
                        "Too many requests",
                        "Too many failed logins from this address; try again in " + seconds + " s"))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
