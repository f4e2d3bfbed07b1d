package org.postage.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.postage.web.PostageApi;

/** Routing errors (unknown path, wrong method, unsupported media type) as problems, keeping their status. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** The request's, to say which Content-Type a 415 refused; absent outside a request. */
    @Context
    HttpHeaders request;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && Problem.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original; // already a problem, with its own detail
        }
        int status = original.getStatus();
        Response.StatusType type = original.getStatusInfo();
        boolean jsonApi = uri == null || PostageApi.isAdminApi(uri.getPath());
        String detail = status == 415 && jsonApi ? unsupportedMediaType() : type.getReasonPhrase();
        Response problem = Problem.response(status, type.getReasonPhrase(), detail);
        // Keep challenge and allow headers so clients still learn how to authenticate or which methods exist.
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("WWW-Authenticate") || name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    private String unsupportedMediaType() {
        String sent = request == null ? null : request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return "Send the request body as JSON, with the header 'Content-Type: application/json'"
                + (sent == null ? "" : " (this request's was '" + sent + "')");
    }
}
