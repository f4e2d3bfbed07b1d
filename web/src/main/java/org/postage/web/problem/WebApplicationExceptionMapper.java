package org.postage.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Routing errors (unknown path, wrong method, unsupported media type) as problems, keeping their status. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && Problem.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original; // already a problem, with its own detail
        }
        int status = original.getStatus();
        Response.StatusType type = original.getStatusInfo();
        Response problem = Problem.response(status, type.getReasonPhrase(), type.getReasonPhrase());
        // Keep challenge and allow headers so clients still learn how to authenticate or which methods exist.
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("WWW-Authenticate") || name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
