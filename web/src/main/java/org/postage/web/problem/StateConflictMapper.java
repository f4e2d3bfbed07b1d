package org.postage.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.postage.application.sender.SenderAlreadyVerifiedException;
import org.postage.application.support.StateConflictException;

/** A duplicate, or a step done already: 409, with the message that says what is in the way. */
@Provider
public class StateConflictMapper implements ExceptionMapper<StateConflictException> {

    @Override
    public Response toResponse(StateConflictException e) {
        String detail =
                e instanceof SenderAlreadyVerifiedException ? e.getMessage() + "; no link is needed" : e.getMessage();
        return Problem.response(409, "Conflict", detail);
    }
}
