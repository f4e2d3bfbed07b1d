package org.postage.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.postage.web.problem.Problem;

/** Request bodies are small JSON objects: a larger one is refused before it is parsed. */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    public static final int MAX_BYTES = 64 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new WebApplicationException(
                    Problem.badRequest("The request body is larger than " + MAX_BYTES + " bytes"));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
