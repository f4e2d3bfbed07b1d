package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.util.List;
import org.postage.application.account.AccountService;
import org.postage.application.credential.CredentialService;
import org.postage.application.sendingdomain.DomainService;
import org.postage.application.sendingdomain.DomainView;
import org.postage.application.sendingdomain.DuplicateDomainException;
import org.postage.application.sender.DuplicateSenderException;
import org.postage.application.credential.IssuedCredential;
import org.postage.application.sender.NotASenderException;
import org.postage.application.sender.SenderService;
import org.postage.application.sender.SenderView;
import org.postage.application.account.UnknownAccountException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.WebApplicationException;
import org.postage.domain.account.Account;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.web.problem.JsonBody;
import org.postage.web.problem.Problem;

@Path("/admin/accounts")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    public record CredentialIssued(String username, String password, long accountId, String note) {
    }

    private static final int MAX_DOMAIN_NAME = 253;

    @Inject
    AccountService accounts;

    @Inject
    CredentialService credentials;

    @Inject
    DomainService domains;

    @Inject
    SenderService senders;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        String name = JsonBody.parse(body).requiredString("name", Account.MAX_NAME_LENGTH).strip();
        AccountService.AccountView account = accounts.create(name);
        return Response.created(URI.create(uri.getPath() + "/" + account.id())).entity(account).build();
    }

    @GET
    @Path("/{id}")
    public Response find(@PathParam("id") String id) {
        try {
            return Response.ok(accounts.find(PathIds.parse(id, "account"))).build();
        } catch (UnknownAccountException e) {
            return Problem.notFound(e.getMessage());
        }
    }

    /**
     * {@code {"per_recipient_per_minute": N, "per_recipient_per_hour": M}}: this account's per-recipient limits;
     * 0 means no limit. Both fields are required, so that a request says everything it changes.
     */
    @PUT
    @Path("/{id}/limits")
    @Consumes(MediaType.WILDCARD)
    public Response setLimits(@PathParam("id") String id, String body) {
        long accountId = PathIds.parse(id, "account");
        JsonBody json = JsonBody.parse(body);
        RateLimits limits = new RateLimits(limit(json, "per_recipient_per_minute"), limit(json, "per_recipient_per_hour"));
        try {
            return Response.ok(accounts.setRateLimits(accountId, limits)).build();
        } catch (UnknownAccountException e) {
            return Problem.notFound(e.getMessage());
        }
    }

    private static int limit(JsonBody json, String field) {
        long value = json.optionalNonNegativeLong(field)
                .orElseThrow(() -> new WebApplicationException(Problem.badRequest("Field '" + field + "' is required")));
        if (value > 1_000_000) {
            throw new WebApplicationException(Problem.badRequest("Field '" + field + "' must be at most 1000000 (0 means no limit)"));
        }
        return (int) value;
    }

    /**
     * Optional body {@code {"refuse_in_session": false, "allowed_senders": ["orders@shop.example"]}}: the credential
     * may then send only as those of the account's senders (none listed: as any of them).
     */
    @POST
    @Path("/{id}/smtp-credentials")
    @Consumes(MediaType.WILDCARD)
    public Response issueCredential(@PathParam("id") String id, String body) {
        long accountId = PathIds.parse(id, "account");
        JsonBody json = body == null || body.isBlank() ? null : JsonBody.parse(body);
        boolean refuse = json != null && json.optionalBoolean("refuse_in_session").orElse(false);
        List<String> allowed = json == null ? List.of() : CredentialsResource.allowedSenders(json).orElse(List.of());
        try {
            IssuedCredential issued = credentials.issue(accountId, refuse, allowed);
            return Response.status(Response.Status.CREATED)
                    .entity(new CredentialIssued(issued.username(), issued.password(), issued.accountId(),
                            "Store the password now: it is shown only in this response."))
                    .build();
        } catch (UnknownAccountException e) {
            return Problem.notFound(e.getMessage());
        } catch (NotASenderException e) {
            return Problem.badRequest("Field 'allowed_senders': " + e.getMessage());
        }
    }

    /**
     * {@code {"email_address": "orders@shop.example", "verified": false}}: adds a sender and mails it a one-time
     * verification link; {@code "verified": true} is the operator vouching for the address instead (no mail).
     */
    @POST
    @Path("/{id}/senders")
    @Consumes(MediaType.WILDCARD)
    public Response addSender(@PathParam("id") String id, String body) {
        long accountId = PathIds.parse(id, "account");
        JsonBody json = JsonBody.parse(body);
        String address = json.requiredString("email_address", EmailAddress.MAX_LENGTH).strip();
        boolean verified = json.optionalBoolean("verified").orElse(false);
        if (!EmailAddress.isValid(address)) {
            return Problem.badRequest("Field 'email_address' must be an address such as orders@shop.example"
                    + " (a dot-atom local part, a domain of at least two labels), not '" + address + "'");
        }
        try {
            SenderView sender = senders.add(accountId, address, verified);
            return Response.created(URI.create("/api/admin/senders/" + sender.id())).entity(sender).build();
        } catch (UnknownAccountException e) {
            return Problem.notFound(e.getMessage());
        } catch (DuplicateSenderException e) {
            return Problem.response(409, "Conflict", e.getMessage());
        }
    }

    @GET
    @Path("/{id}/senders")
    public Response listSenders(@PathParam("id") String id) {
        try {
            return Response.ok(senders.ofAccount(PathIds.parse(id, "account"))).build();
        } catch (UnknownAccountException e) {
            return Problem.notFound(e.getMessage());
        }
    }

    /** {@code {"name": "shop.example", "skip_dns_check": false}}; skip only for domains whose DNS is known good. */
    @POST
    @Path("/{id}/domains")
    @Consumes(MediaType.WILDCARD)
    public Response addDomain(@PathParam("id") String id, String body) {
        long accountId = PathIds.parse(id, "account");
        JsonBody json = JsonBody.parse(body);
        String name = json.requiredString("name", MAX_DOMAIN_NAME);
        boolean skip = json.optionalBoolean("skip_dns_check").orElse(false);
        if (!SendingDomain.isValidName(name)) {
            return Problem.badRequest("Field 'name' must be a domain name such as shop.example (letters, digits,"
                    + " hyphens; at least two labels; an IDN in its xn-- form), not '" + name + "'");
        }
        try {
            DomainView view = domains.add(accountId, name, skip);
            return Response.created(URI.create("/api/admin/domains/" + view.name())).entity(view).build();
        } catch (UnknownAccountException e) {
            return Problem.notFound(e.getMessage());
        } catch (DuplicateDomainException e) {
            return Problem.response(409, "Conflict", e.getMessage());
        }
    }
}
