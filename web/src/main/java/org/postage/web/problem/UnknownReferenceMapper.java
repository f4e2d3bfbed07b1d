package org.postage.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.postage.application.support.UnknownReferenceException;

/** An account, sender or domain that does not exist: 404, with the message that names it. */
@Provider
public class UnknownReferenceMapper implements ExceptionMapper<UnknownReferenceException> {

    @Override
    public Response toResponse(UnknownReferenceException e) {
        return Problem.notFound(e.getMessage());
    }
}
