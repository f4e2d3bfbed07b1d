package org.postage.application.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.postage.application.credential.CredentialService;
import org.postage.domain.submission.Inspection;
import org.postage.domain.submission.SubmissionInspector;
import org.postage.domain.submission.Violation;

/**
 * Every rule a submitted message must pass, in one decision for both ways of answering (an NDR after acceptance,
 * or a refusal at the end of DATA): the content rules first; once they pass, the From address must be a verified
 * sender the credential may use, and its domain an authenticated sending domain of the account.
 */
@ApplicationScoped
public class SubmissionPolicy {

    /** The inspection (for the options the headers ask for) and every broken rule; none means accepted. */
    public record Verdict(Inspection inspection, List<Violation> violations) {

        public boolean isAccepted() {
            return violations.isEmpty();
        }
    }

    @Inject
    SubmissionInspector inspector;

    @Inject
    SenderRule senderRule;

    @Inject
    SendingDomainRule domainRule;

    @Inject
    CredentialService credentials;

    /** @param username the submitting credential's */
    public Verdict judge(long accountId, String username, byte[] raw) {
        Inspection inspection = inspector.inspect(raw);
        if (!inspection.isAccepted()) {
            return new Verdict(inspection, inspection.violations());
        }
        // Both are checked, so that one NDR names everything the sender has to fix.
        List<Violation> violations = new ArrayList<>(2);
        senderRule
                .check("The From address", accountId, credentials.scopeOf(username), inspection.from())
                .ifPresent(violations::add);
        domainRule.check(accountId, inspection.from()).ifPresent(violations::add);
        return new Verdict(inspection, violations);
    }
}
