package org.postage.web.admin;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.postage.application.account.AccountService;
import org.postage.application.credential.CredentialService;
import org.postage.application.credential.IssuedCredential;
import org.postage.application.sender.SenderService;
import org.postage.application.sender.SenderView;
import org.postage.application.sendingdomain.DomainService;
import org.postage.application.sendingdomain.DomainView;

/**
 * Accounts, and what is added under one: senders, sending domains, SMTP credentials, rate limits. Bodies are JSON
 * records checked by their constraints; refusals of the application are mapped in {@code org.postage.web.problem}.
 */
@Path("/admin/accounts")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    public record CredentialIssued(String username, String password, long accountId, String note) {}

    static final String BODY_REQUIRED = "The request body is empty or null; send a JSON object";

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
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = BODY_REQUIRED) @Valid NewAccount body) {
        AccountService.AccountView account = accounts.create(body.name());
        return Response.created(URI.create(uri.getPath() + "/" + account.id()))
                .entity(account)
                .build();
    }

    @GET
    @Path("/{id}")
    public Response find(@PathParam("id") String id) {
        return Response.ok(accounts.find(PathIds.parse(id, "account"))).build();
    }

    /** This account's per-recipient limits; 0 means no limit. */
    @PUT
    @Path("/{id}/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setLimits(@PathParam("id") String id, @NotNull(message = BODY_REQUIRED) @Valid LimitsChange body) {
        return Response.ok(accounts.setRateLimits(PathIds.parse(id, "account"), body.toRateLimits()))
                .build();
    }

    /**
     * Optional body: the credential may then send only as those of the account's senders (none listed: as any of
     * them), and may have broken submissions refused in the session.
     */
    @POST
    @Path("/{id}/smtp-credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issueCredential(@PathParam("id") String id, @Valid CredentialSettings body) {
        long accountId = PathIds.parse(id, "account");
        CredentialSettings settings = body == null ? CredentialSettings.DEFAULTS : body;
        IssuedCredential issued = credentials.issue(accountId, settings.refuses(), settings.allowedSendersOrAll());
        return Response.status(Response.Status.CREATED)
                .entity(new CredentialIssued(
                        issued.username(),
                        issued.password(),
                        issued.accountId(),
                        "Store the password now: it is shown only in this response."))
                .build();
    }

    /**
     * Adds a sender and mails it a one-time verification link; {@code "verified": true} is the operator vouching
     * for the address instead (no mail).
     */
    @POST
    @Path("/{id}/senders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addSender(@PathParam("id") String id, @NotNull(message = BODY_REQUIRED) @Valid NewSender body) {
        SenderView sender = senders.add(PathIds.parse(id, "account"), body.emailAddress(), body.vouchedFor());
        return Response.created(URI.create("/api/admin/senders/" + sender.id()))
                .entity(sender)
                .build();
    }

    @GET
    @Path("/{id}/senders")
    public Response listSenders(@PathParam("id") String id) {
        return Response.ok(senders.ofAccount(PathIds.parse(id, "account"))).build();
    }

    /** Skip the DNS check only for domains whose DNS is known good. */
    @POST
    @Path("/{id}/domains")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addDomain(@PathParam("id") String id, @NotNull(message = BODY_REQUIRED) @Valid NewDomain body) {
        DomainView view = domains.add(PathIds.parse(id, "account"), body.name(), body.skipsDnsCheck());
        return Response.created(URI.create("/api/admin/domains/" + view.name()))
                .entity(view)
                .build();
    }
}
