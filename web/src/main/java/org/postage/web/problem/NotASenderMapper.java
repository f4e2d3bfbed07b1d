package org.postage.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.postage.application.sender.NotASenderException;

/** A credential's {@code allowed_senders} named an address that is not a sender of its account: 400. */
@Provider
public class NotASenderMapper implements ExceptionMapper<NotASenderException> {

    @Override
    public Response toResponse(NotASenderException e) {
        return Problem.badRequest("Field 'allowed_senders': " + e.getMessage());
    }
}
