package org.postage.application.submission;

import java.util.List;
import java.util.Set;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.application.processing.SenderRule;
import org.postage.application.processing.SendingDomainRule;
import org.postage.domain.submission.Violation;

/** The reply, and the NDR status, a broken submission rule gets: policy on the sender is 5.7.1, content 5.6.0. */
public final class Refusals {

    /** Rules about who may send, rather than what was sent. */
    private static final Set<String> SENDER_POLICY =
            Set.of(SendingDomainRule.RULE, SenderRule.UNVERIFIED, SenderRule.NOT_ALLOWED);

    private Refusals() {}

    public static Reply replyFor(List<Violation> violations) {
        boolean sender = !violations.isEmpty() && violations.stream().allMatch(v -> SENDER_POLICY.contains(v.rule()));
        return sender ? SmtpReplies.SENDER_REFUSED : SmtpReplies.CONTENT_REFUSED;
    }
}
