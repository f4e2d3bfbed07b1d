package org.postage.application.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.api.SmtpSession;
import org.postage.application.credential.CredentialScope;
import org.postage.application.credential.CredentialService;
import org.postage.application.processing.SenderRule;
import org.postage.application.processing.SubmissionPolicy;
import org.postage.application.ratelimit.RecipientRateLimiter;
import org.postage.application.support.HostName;
import org.postage.domain.mail.EnvelopeAddresses;
import org.postage.domain.message.QueueId;
import org.postage.domain.submission.Violation;

/**
 * SMTP submission, phase by phase: authenticate, admit the sender, admit each recipient, accept the message.
 * Accepting means the message is in the durable submission queue when the caller's transaction commits, and only
 * while the disk that holds the queue keeps its reserve free ({@link DiskGuard}).
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class.getName());

    static final Reply CREDENTIAL_REVOKED = SmtpReplies.AUTH_REQUIRED.withText(
            "Authentication required: this SMTP credential has been revoked; ask your Postage admin for a new one");

    @Inject
    CredentialService credentials;

    @Inject
    SubmissionQueue queue;

    @Inject
    Clock clock;

    @Inject
    SubmissionPolicy policy;

    @Inject
    RecipientRateLimiter rateLimiter;

    @Inject
    SenderRule senderRule;

    @Inject
    HostName hostName;

    @Inject
    DiskGuard disk;

    @Inject
    OpenMailTransactions transactions;

    public AuthResult authenticate(SmtpSession session, String username, String password) {
        return credentials
                .authenticate(username, password)
                .map(c -> AuthResult.accepted(
                        new SmtpPrincipal(c.getAccountId(), c.getUsername(), c.isRefuseInSession()).format()))
                .orElseGet(() -> {
                    LOG.info(() ->
                            "SMTP AUTH failed for user '" + printable(username) + "' from " + session.clientAddress());
                    return AuthResult.rejected(SmtpReplies.AUTH_FAILED);
                });
    }

    public Reply admitSender(SmtpSession session, String reversePath) {
        // MAIL starts a transaction: the adapter has reported the end of any earlier one that was not accepted.
        transactions.begin(session.sessionId());
        SmtpPrincipal principal = SmtpPrincipal.parse(session.principal());
        if (principal == null) {
            return SmtpReplies.AUTH_REQUIRED;
        }
        Optional<CredentialScope> scope = credentials.activeScope(principal.username());
        if (scope.isEmpty()) {
            return CREDENTIAL_REVOKED;
        }
        if (reversePath.isEmpty()) {
            // The null sender (RFC 5321 4.5.5) names no one to check; the From rules still apply, and no NDR is sent.
            return SmtpReplies.SENDER_OK;
        }
        // Refused here rather than after DATA: the client has not sent the message yet, and every client reads a 550
        // to MAIL.
        return senderRule
                .check("The envelope sender", principal.accountId(), scope.get(), reversePath)
                .map(v -> SmtpReplies.SENDER_REFUSED.withText(bounded(v.reason() + "; " + lowerFirst(v.fix()))))
                .orElse(SmtpReplies.SENDER_OK);
    }

    public Reply admitRecipient(SmtpSession session, String recipient) {
        // No open relay: every recipient is allowed only on an authenticated session, which MAIL already required.
        SmtpPrincipal principal = SmtpPrincipal.parse(session.principal());
        if (principal == null) {
            return SmtpReplies.RELAY_DENIED;
        }
        // A recipient given twice is one recipient: 250 again, as Postfix answers, but counted (and delivered) once.
        if (transactions.has(session.sessionId(), recipient)) {
            return SmtpReplies.RECIPIENT_OK;
        }
        // Counted at RCPT, the moment the client can still be told to come back later; given back if the transaction
        // ends without a message.
        RecipientRateLimiter.Admission admission = rateLimiter.count(principal.accountId(), recipient);
        if (admission.reply().isPositive()) {
            transactions.admitted(session.sessionId(), recipient, admission.counted());
        }
        return admission.reply();
    }

    /**
     * The session's mail transaction ended without a message (RSET, a DATA not answered 250, QUIT or a dropped
     * connection): what its recipients counted against the rate limits is given back.
     */
    public void abandon(SmtpSession session) {
        rateLimiter.giveBack(transactions.abandon(session.sessionId()));
    }

    /** Stores the message in the submission queue within the caller's transaction. */
    public Reply accept(SmtpSession session, Envelope envelope, byte[] content) {
        SmtpPrincipal principal = SmtpPrincipal.parse(session.principal());
        if (principal == null) {
            return SmtpReplies.AUTH_REQUIRED;
        }
        if (principal.refuseInSession()) {
            List<Violation> violations = policy.judge(principal.accountId(), principal.username(), content)
                    .violations();
            if (!violations.isEmpty()) {
                // For clients that read SMTP replies: the reason at the end of DATA, and nothing stored.
                return Refusals.replyFor(violations)
                        .withText(bounded(
                                violations.stream().map(Violation::reason).collect(Collectors.joining("; "))));
            }
        }
        Instant now = clock.instant();
        QueueId queueId = QueueId.next(now.toEpochMilli());
        byte[] received = ReceivedHeader.render(
                session, hostName.value(), queueId, ZonedDateTime.ofInstant(now, clock.getZone()));
        if (!disk.admits(received.length + (long) content.length)) {
            // Nothing stored: the client keeps the message and retries, as it would after any 4xx to DATA.
            return SmtpReplies.INSUFFICIENT_STORAGE;
        }
        byte[] stored = new byte[received.length + content.length];
        System.arraycopy(received, 0, stored, 0, received.length);
        System.arraycopy(content, 0, stored, received.length, content.length);

        queue.enqueue(
                new AcceptedSubmission(
                        queueId,
                        principal.accountId(),
                        principal.username(),
                        envelope.reversePath(),
                        // One copy per recipient however often it was given.
                        EnvelopeAddresses.distinct(envelope.recipients()),
                        now),
                stored);
        // The counts stand, unless this does not commit: then the adapter reports the transaction abandoned.
        transactions.handedOver(session.sessionId());
        return SmtpReplies.QUEUED.withText("Ok: queued as " + queueId);
    }

    /** An SMTP reply line stays well under the 512-octet limit of RFC 5321. */
    private static String bounded(String reason) {
        return reason.length() <= 400 ? reason : reason.substring(0, 397) + "...";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String printable(String s) {
        return s == null ? "" : s.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
