package org.postage.web.pages;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.postage.application.sender.SenderRecords;
import org.postage.application.sender.SenderService;
import org.postage.domain.sender.Sender;

/**
 * The page a verification link opens. Opening it verifies nothing: mail security scanners open every link in the
 * mail they inspect, so the owner of the address confirms with a button, which posts the token back.
 */
@Path("/senders/verify")
public class SenderVerificationPage {

    private static final String NOT_VALID = "<p>This link is not valid: it was used already, a newer link replaced"
            + " it, or it was copied incompletely. If the address still needs verifying, ask your Postage admin to"
            + " send a new link.</p>";

    @Inject
    SenderService senders;

    @Inject
    Clock clock;

    @GET
    public Response show(@QueryParam("token") String token) {
        Optional<Sender> pending = senders.pendingFor(token);
        if (pending.isEmpty()) {
            return Page.of(404, "Link not valid", NOT_VALID);
        }
        Sender sender = pending.get();
        if (!sender.hasLiveLink(clock.instant())) {
            return expired(sender);
        }
        String address = Page.escape(sender.getEmailAddress());
        return Page.of(
                200,
                "Confirm " + sender.getEmailAddress(),
                "<p>Postage was asked to send mail as <strong>" + address + "</strong>. Confirm only if this"
                        + " address is yours and you expect this.</p>"
                        + "<form method=\"post\" action=\"verify\"><input type=\"hidden\" name=\"token\" value=\""
                        + Page.escape(token) + "\"><button type=\"submit\">Confirm " + address + "</button></form>");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("token") String token) {
        Optional<SenderRecords.FollowedLink> followed = senders.follow(token);
        if (followed.isEmpty()) {
            return Page.of(404, "Link not valid", NOT_VALID);
        }
        Sender sender = followed.get().sender();
        return switch (followed.get().outcome()) {
            case VERIFIED ->
                Page.of(
                        200,
                        "Address confirmed",
                        "<p><strong>" + Page.escape(sender.getEmailAddress())
                                + "</strong> is now a verified sender: Postage"
                                + " accepts mail from it. You can close this page.</p>");
            case EXPIRED -> expired(sender);
            case ALREADY_USED -> Page.of(404, "Link not valid", NOT_VALID);
        };
    }

    private static Response expired(Sender sender) {
        return Page.of(
                410,
                "Link expired",
                "<p>This link to confirm <strong>" + Page.escape(sender.getEmailAddress())
                        + "</strong> expired. Ask your Postage admin to send a new one.</p>");
    }
}
