package org.postage.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.postage.application.support.PublicUrl;
import org.postage.web.problem.Problem;

/**
 * Cross-site request forgery: a browser that holds the admin's Basic credentials sends them with any request a
 * foreign page makes, but it names that page in {@code Origin}. A request whose Origin is present and is neither the
 * origin of {@code postage.public-url} nor the request's own host is refused with 403, before authentication, so a
 * forged request spends no login either. Scripts and curl send no Origin and are not affected.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class SameOriginOnly implements ContainerRequestFilter {

    @Inject
    PublicUrl publicUrl;

    public SameOriginOnly() {}

    /** Without CDI: for tests. */
    public SameOriginOnly(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || isAllowed(origin.strip(), request)) {
            return;
        }
        request.abortWith(Problem.response(
                403,
                "Forbidden",
                "Requests from the web origin '" + shown(origin) + "' are refused: only " + publicUrl.origin()
                        + " and this server's own host may call this API from a browser"));
    }

    private boolean isAllowed(String origin, ContainerRequestContext request) {
        if (origin.equalsIgnoreCase(publicUrl.origin())) {
            return true;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host == null) {
            host = request.getUriInfo().getRequestUri().getRawAuthority();
        }
        return host != null && sameHost(origin, host.strip());
    }

    /** The Origin's host and port against the Host header's, each port the Origin's scheme's default when left out. */
    static boolean sameHost(String origin, String host) {
        try {
            URI o = new URI(origin);
            String scheme = o.getScheme() == null ? "" : o.getScheme().toLowerCase(Locale.ROOT);
            if (o.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return false; // "null" (a sandboxed or file page) and anything that is not a web origin
            }
            URI h = new URI(scheme + "://" + host);
            if (h.getHost() == null) {
                return false;
            }
            int defaultPort = scheme.equals("https") ? 443 : 80;
            return o.getHost().equalsIgnoreCase(h.getHost())
                    && portOr(o, defaultPort) == portOr(h, defaultPort)
                    && o.getRawPath().isEmpty()
                    && o.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int portOr(URI uri, int defaultPort) {
        return uri.getPort() == -1 ? defaultPort : uri.getPort();
    }

    /** An Origin header is the client's text: shown short and printable. */
    private static String shown(String origin) {
        String printable = origin.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }
}
