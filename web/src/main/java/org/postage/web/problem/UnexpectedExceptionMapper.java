package org.postage.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unforeseen: a 500 problem with an id to find the cause in the server log, never the trace itself. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        return incident(e);
    }

    /** For the mappers of exceptions that are mostly the client's fault, when one is not. */
    static Response incident(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "HTTP request failed, incident " + incident, e);
        return Problem.response(
                500,
                "Internal server error",
                "The request could not be completed; the server log has the cause under incident " + incident);
    }
}
