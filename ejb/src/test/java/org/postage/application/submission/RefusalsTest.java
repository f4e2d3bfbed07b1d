package org.postage.application.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postage.api.SmtpReplies;
import org.postage.application.processing.SenderRule;
import org.postage.application.processing.SendingDomainRule;
import org.postage.domain.submission.Violation;

class RefusalsTest {

    private static final Violation DOMAIN =
            new Violation(SendingDomainRule.RULE, "The From domain x.example ...", "Add it");
    private static final Violation SENDER =
            new Violation(SenderRule.UNVERIFIED, "The From address <a@x.example> ...", "Verify it");
    private static final Violation CONTENT = new Violation("content.text-only", "No HTML body", "Add one");

    @Test
    void anUnauthenticatedFromDomainIsAPolicyRefusal() {
        assertEquals(SmtpReplies.SENDER_REFUSED, Refusals.replyFor(List.of(DOMAIN)));
        assertEquals("5.7.1", Refusals.replyFor(List.of(DOMAIN)).status());
    }

    @Test
    void anUnverifiedSenderIsAPolicyRefusalAloneOrWithTheDomain() {
        assertEquals(SmtpReplies.SENDER_REFUSED, Refusals.replyFor(List.of(SENDER)));
        assertEquals(SmtpReplies.SENDER_REFUSED, Refusals.replyFor(List.of(SENDER, DOMAIN)));
    }

    @Test
    void anyContentRuleMakesItAContentRefusal() {
        assertEquals(SmtpReplies.CONTENT_REFUSED, Refusals.replyFor(List.of(CONTENT)));
        assertEquals(SmtpReplies.CONTENT_REFUSED, Refusals.replyFor(List.of(CONTENT, DOMAIN)));
    }
}
