package org.postage.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.postage.application.support.NotDoneException;

/** A change not made because something it needs failed: 503, with what was left and that a retry may succeed. */
@Provider
public class NotDoneMapper implements ExceptionMapper<NotDoneException> {

    @Override
    public Response toResponse(NotDoneException e) {
        return Problem.response(503, "Service unavailable", e.getMessage());
    }
}
