package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.postage.application.sendingdomain.DomainService;

/**
 * Sending domains: adding one gives it a DKIM key and answers with the four DNS records its owner publishes; a
 * check asks DNS now. The private key is never shown. Adding one is under its account
 * ({@link AccountsResource#addDomain}): JAX-RS picks one resource class per path prefix.
 */
@Path("/admin/domains")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class DomainsResource {

    @Inject
    DomainService domains;

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        return Response.ok(domains.find(name)).build();
    }

    /** Asks DNS now and stores the verdicts; answers once every query was answered or timed out. No body. */
    @POST
    @Path("/{name}/check")
    public Response check(@PathParam("name") String name) {
        return Response.ok(domains.check(name)).build();
    }
}
