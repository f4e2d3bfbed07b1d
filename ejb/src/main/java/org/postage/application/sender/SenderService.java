package org.postage.application.sender;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.postage.application.account.AccountService;
import org.postage.application.account.UnknownAccountException;
import org.postage.application.ownmail.OwnMail;
import org.postage.application.support.HostName;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.QueueId;
import org.postage.domain.secret.LinkTokens;
import org.postage.domain.sender.Sender;

/**
 * Adds an account's senders and verifies them: by a one-time link mailed to the address (proof that its owner
 * agrees), or by the operator's word. The link's page asks for a click before it verifies anything, because mail
 * security scanners open every link in a message they inspect.
 */
@ApplicationScoped
public class SenderService {

    private static final Logger LOG = Logger.getLogger(SenderService.class.getName());

    /** Where the verification page is served, relative to {@code postage.public-url}. */
    public static final String VERIFY_PATH = "/api/senders/verify";

    @Inject
    SenderRecords records;

    @Inject
    VerifiedSenders verified;

    @Inject
    AccountService accounts;

    @Inject
    OwnMail ownMail;

    @Inject
    Clock clock;

    @Inject
    HostName hostName;

    @Inject
    VerificationLinks links;

    /**
     * Adds a sender; unless the operator vouches for it, mails the verification link to it.
     *
     * @throws UnknownAccountException  no such account
     * @throws DuplicateSenderException the account has it already
     * @throws IllegalArgumentException not an email address
     */
    public SenderView add(long accountId, String address, boolean verifiedByOperator) {
        String email = EmailAddress.of(address).toString();
        Instant now = clock.instant();
        if (verifiedByOperator) {
            return SenderView.of(records.add(accountId, email, null, now, null));
        }
        String token = LinkTokens.next();
        Sender sender = records.add(accountId, email, LinkTokens.digest(token), now, expiry(now));
        mailLink(sender, token);
        return SenderView.of(sender);
    }

    /** @throws UnknownSenderException no such sender */
    public SenderView find(long id) {
        return SenderView.of(records.find(id).orElseThrow(() -> new UnknownSenderException(id)));
    }

    /** @throws UnknownAccountException no such account */
    public List<SenderView> ofAccount(long accountId) {
        return records.ofAccount(accountId).stream().map(SenderView::of).toList();
    }

    /** @throws UnknownSenderException no such sender */
    public SenderView verifyByOperator(long id) {
        Sender sender = records.verifyByOperator(id, clock.instant()).orElseThrow(() -> new UnknownSenderException(id));
        LOG.info(() -> "sender=" + sender.getEmailAddress() + " account=" + sender.getAccountId()
                + " verified by the operator");
        return SenderView.of(sender);
    }

    /**
     * Mails a new link, which replaces any earlier one.
     *
     * @throws UnknownSenderException no such sender
     * @throws SenderAlreadyVerifiedException no link is needed
     */
    public SenderView resendLink(long id) {
        Sender current = records.find(id).orElseThrow(() -> new UnknownSenderException(id));
        if (current.isVerified()) {
            throw new SenderAlreadyVerifiedException(current.getEmailAddress());
        }
        String token = LinkTokens.next();
        Instant now = clock.instant();
        Sender sender = records.linkSent(id, LinkTokens.digest(token), now, expiry(now))
                .orElseThrow(() -> new UnknownSenderException(id));
        mailLink(sender, token);
        return SenderView.of(sender);
    }

    /** @return false when there is no such sender. Mail from it is refused from the next MAIL on. */
    public boolean remove(long id) {
        Optional<Sender> removed = records.remove(id);
        removed.ifPresent(s -> verified.forget(s.getAccountId(), s.getEmailAddress()));
        return removed.isPresent();
    }

    /** The sender a link would verify, if it still would: for the page that asks to confirm. */
    public Optional<Sender> pendingFor(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return records.linkedBy(LinkTokens.digest(token));
    }

    /** Uses the link up; empty when it is unknown, used or replaced. */
    public Optional<SenderRecords.FollowedLink> follow(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        Optional<SenderRecords.FollowedLink> followed = records.followLink(LinkTokens.digest(token), clock.instant());
        followed.filter(f -> f.outcome() == Sender.LinkOutcome.VERIFIED)
                .ifPresent(f -> LOG.info(() -> "sender=" + f.sender().getEmailAddress() + " account="
                        + f.sender().getAccountId() + " verified by its link"));
        return followed;
    }

    private Instant expiry(Instant now) {
        return now.plus(links.validity());
    }

    /** Queued and tracked like an NDR: a message of the sender's account. */
    private void mailLink(Sender sender, String token) {
        Instant now = clock.instant();
        String link = links.link(token);
        QueueId queueId = QueueId.next(now.toEpochMilli());
        byte[] mail = SenderVerificationMail.render(
                hostName.value(),
                sender.getEmailAddress(),
                accounts.find(sender.getAccountId()).name(),
                link,
                sender.getLinkExpiresAt(),
                MessageId.of(queueId, 1).value(),
                now);
        MessageId id = ownMail.send(queueId, sender.getAccountId(), sender.getEmailAddress(), mail, now);
        LOG.info(() -> "sender=" + sender.getEmailAddress() + " account=" + sender.getAccountId()
                + ": verification link mailed as " + id);
    }
}
