package org.postage.application;

import java.util.List;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.domain.submission.Violation;

/** The reply, and the NDR status, a broken submission rule gets: policy on the sender is 5.7.1, content 5.6.0. */
final class Refusals {

    private Refusals() {
    }

    static Reply replyFor(List<Violation> violations) {
        boolean sender = !violations.isEmpty()
                && violations.stream().allMatch(v -> v.rule().equals(SendingDomainRule.RULE));
        return sender ? SmtpReplies.SENDER_REFUSED : SmtpReplies.CONTENT_REFUSED;
    }
}
