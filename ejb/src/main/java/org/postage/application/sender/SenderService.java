package org.postage.application.sender;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postage.application.account.AccountService;
import org.postage.application.account.UnknownAccountException;
import org.postage.application.ownmail.OwnMail;
import org.postage.application.support.HostName;
import org.postage.application.support.NotDoneException;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.QueueId;
import org.postage.domain.secret.LinkTokens;
import org.postage.domain.sender.Sender;

/**
 * Adds an account's senders and verifies them: by a one-time link mailed to the address (proof that its owner
 * agrees), or by the operator's word. The link's page asks for a click before it verifies anything, because mail
 * security scanners open every link in a message they inspect.
 *
 * <p>A change that mails a link is all or nothing: the sender's change and the record of its mail commit in one
 * transaction, the queue entry is written after that commit (the queue is another resource), and if it cannot be,
 * a second transaction takes the change back. So a retry finds no half-added sender to answer 409 for.
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

    /** This bean through its interceptors: the changes below need their own transactions. */
    @Inject
    SenderService self;

    /** A change made together with the record of the link mail it needs, yet to be queued. */
    public record LinkChange(Sender sender, Sender.Link unsent, Sender.Link earlier, OwnMail.Recorded mail) {}

    /**
     * Adds a sender; unless the operator vouches for it, mails the verification link to it.
     *
     * @throws UnknownAccountException  no such account
     * @throws DuplicateSenderException the account has it already
     * @throws IllegalArgumentException not an email address
     * @throws NotDoneException         the link could not be queued; the sender was not added
     */
    public SenderView add(long accountId, String address, boolean verifiedByOperator) {
        String email = EmailAddress.of(address).toString();
        Instant now = clock.instant();
        if (verifiedByOperator) {
            return SenderView.of(records.add(accountId, email, null, now, null));
        }
        LinkChange added = self.addWithLink(accountId, email, LinkTokens.next(), now);
        queue(
                added,
                () -> self.takeBackAdded(added),
                "the sender was not added",
                "the sender was added but no link was mailed: POST /api/admin/senders/"
                        + added.sender().getId() + "/verification-mail to send one");
        return SenderView.of(added.sender());
    }

    /** The new sender and the record of its link's mail, in one transaction. For {@link #add} only. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public LinkChange addWithLink(long accountId, String email, String token, Instant now) {
        Sender sender = records.add(accountId, email, LinkTokens.digest(token), now, expiry(now));
        return new LinkChange(sender, sender.link(), null, recordLinkMail(sender, token, now));
    }

    /** Undoes {@link #addWithLink} in one transaction, when its mail could not be queued. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void takeBackAdded(LinkChange added) {
        records.remove(added.sender().getId());
        ownMail.discard(added.mail());
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
     * @throws NotDoneException the new link could not be queued; the earlier one still works
     */
    public SenderView resendLink(long id) {
        Sender current = records.find(id).orElseThrow(() -> new UnknownSenderException(id));
        if (current.isVerified()) {
            throw new SenderAlreadyVerifiedException(current.getEmailAddress());
        }
        LinkChange relinked = self.replaceLink(id, LinkTokens.next(), clock.instant());
        queue(
                relinked,
                () -> self.takeBackLink(relinked),
                "the earlier link still works",
                "the earlier link was replaced by one that was not mailed");
        return SenderView.of(relinked.sender());
    }

    /** A new link in place of the sender's earlier one, with the record of its mail, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public LinkChange replaceLink(long id, String token, Instant now) {
        Sender sender = records.find(id).orElseThrow(() -> new UnknownSenderException(id));
        Sender.Link earlier = sender.link();
        sender = records.linkSent(id, LinkTokens.digest(token), now, expiry(now))
                .orElseThrow(() -> new UnknownSenderException(id));
        return new LinkChange(sender, sender.link(), earlier, recordLinkMail(sender, token, now));
    }

    /** Undoes {@link #replaceLink} in one transaction, when its mail could not be queued. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void takeBackLink(LinkChange relinked) {
        records.restoreLink(relinked.sender().getId(), relinked.unsent(), relinked.earlier());
        ownMail.discard(relinked.mail());
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

    /** Recorded like an NDR, a message of the sender's account, in the caller's transaction; queued by the caller. */
    private OwnMail.Recorded recordLinkMail(Sender sender, String token, Instant now) {
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
        return ownMail.record(queueId, sender.getAccountId(), sender.getEmailAddress(), mail, now);
    }

    /**
     * Queues the link mail of a committed change; when the queue fails, takes the change back and says so.
     *
     * @param undone    what the caller is told when the change was taken back
     * @param leftOver  what the caller is told when taking it back failed too
     */
    private void queue(LinkChange change, Runnable takeBack, String undone, String leftOver) {
        Sender sender = change.sender();
        try {
            ownMail.queue(change.mail());
        } catch (RuntimeException e) {
            String failed = "The verification mail to " + sender.getEmailAddress() + " could not be queued; ";
            try {
                takeBack.run();
            } catch (RuntimeException t) {
                e.addSuppressed(t);
                LOG.log(
                        Level.SEVERE,
                        "sender=" + sender.getEmailAddress() + " account=" + sender.getAccountId()
                                + ": link mail not queued, and the change could not be taken back",
                        e);
                throw new NotDoneException(failed + leftOver, e);
            }
            LOG.log(
                    Level.WARNING,
                    "sender=" + sender.getEmailAddress() + " account=" + sender.getAccountId()
                            + ": link mail not queued; the change was taken back",
                    e);
            throw new NotDoneException(failed + undone + ": try again", e);
        }
        LOG.info(() -> "sender=" + sender.getEmailAddress() + " account=" + sender.getAccountId()
                + ": verification link mailed as " + change.mail().id());
    }
}
