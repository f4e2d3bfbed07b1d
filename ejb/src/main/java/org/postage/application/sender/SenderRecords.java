package org.postage.application.sender;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.postage.application.account.UnknownAccountException;
import org.postage.application.support.UniqueKeys;
import org.postage.domain.account.AccountRepository;
import org.postage.domain.sender.Sender;
import org.postage.domain.sender.SenderRepository;

/** Stores senders, each call in a short transaction of its own. */
@ApplicationScoped
public class SenderRecords {

    /** What following a link found: the sender it was for, and what it did. */
    public record FollowedLink(Sender sender, Sender.LinkOutcome outcome) {}

    @Inject
    SenderRepository senders;

    @Inject
    AccountRepository accounts;

    /**
     * @param linkDigest digest of the verification link's token, or null when the operator verifies it now
     * @throws UnknownAccountException  no such account
     * @throws DuplicateSenderException the account has this sender already
     */
    @Transactional
    public Sender add(long accountId, String address, String linkDigest, Instant now, Instant linkExpiresAt) {
        accounts.find(accountId).orElseThrow(() -> new UnknownAccountException(accountId));
        Sender sender = new Sender(accountId, address, now);
        if (senders.find(accountId, sender.getEmailAddress()).isPresent()) {
            throw new DuplicateSenderException(accountId, sender.getEmailAddress());
        }
        if (linkDigest == null) {
            sender.verifyByOperator(now);
        } else {
            sender.linkSent(linkDigest, now, linkExpiresAt);
        }
        try {
            return senders.add(sender);
        } catch (PersistenceException e) {
            // Two requests added the same address at once: the unique key let the other one win.
            if (UniqueKeys.isViolation(e)) {
                throw new DuplicateSenderException(accountId, sender.getEmailAddress());
            }
            throw e;
        }
    }

    @Transactional
    public Optional<Sender> find(long id) {
        return senders.find(id);
    }

    /** @throws UnknownAccountException no such account */
    @Transactional
    public List<Sender> ofAccount(long accountId) {
        accounts.find(accountId).orElseThrow(() -> new UnknownAccountException(accountId));
        return senders.ofAccount(accountId);
    }

    @Transactional
    public Optional<Sender> verifyByOperator(long id, Instant now) {
        Optional<Sender> sender = senders.find(id);
        sender.ifPresent(s -> s.verifyByOperator(now));
        return sender;
    }

    /** Replaces the sender's link with a new one; empty when there is no such sender. */
    @Transactional
    public Optional<Sender> linkSent(long id, String linkDigest, Instant now, Instant linkExpiresAt) {
        Optional<Sender> sender = senders.find(id);
        sender.ifPresent(s -> s.linkSent(linkDigest, now, linkExpiresAt));
        return sender;
    }

    /** Puts an earlier link back in force, if the unsent one still is; see {@link Sender#restoreLink}. */
    @Transactional
    public void restoreLink(long id, Sender.Link unsent, Sender.Link earlier) {
        senders.find(id).ifPresent(s -> s.restoreLink(unsent, earlier));
    }

    /** The sender a link is for, without using it up. */
    @Transactional
    public Optional<Sender> linkedBy(String linkDigest) {
        return senders.findByTokenDigest(linkDigest);
    }

    @Transactional
    public Optional<FollowedLink> followLink(String linkDigest, Instant now) {
        return senders.findByTokenDigest(linkDigest).map(s -> new FollowedLink(s, s.followLink(now)));
    }

    @Transactional
    public Optional<Sender> remove(long id) {
        Optional<Sender> sender = senders.find(id);
        sender.ifPresent(senders::remove);
        return sender;
    }

    /**
     * In a transaction of its own: asked at MAIL, at the end of DATA, and by the submission queue's consumer, whose
     * transactions must not enlist the database.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isVerified(long accountId, String address) {
        return senders.find(accountId, address).filter(Sender::isVerified).isPresent();
    }
}
