package org.postage.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * A POST, PUT or PATCH of the admin API without a body and without Content-Type is taken as an empty JSON body.
 * JAX-RS would otherwise see application/octet-stream and answer 415, where the request has no body to be of a
 * wrong type: {@code curl -X POST .../smtp-credentials} issues a credential with the defaults, and a request that
 * needs a body is told that it is empty. A body sent without Content-Type still gets 415.
 */
@Provider
@PreMatching
public class EmptyBodyIsJson implements ContainerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Override
    public void filter(ContainerRequestContext request) {
        boolean noBody = request.getLength() <= 0 && request.getHeaderString("Transfer-Encoding") == null;
        if (noBody
                && request.getMediaType() == null
                && WITH_BODY.contains(request.getMethod())
                && PostageApi.isAdminApi(request.getUriInfo().getPath())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
