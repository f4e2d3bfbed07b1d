package org.postage.application.delivery;

import org.postage.domain.message.DeliveryState;

/** What the next hop said about one recipient: SENT (2xx), DEFERRED (4xx or unreachable) or FAILED (5xx). */
public record RelayOutcome(DeliveryState state, String reply) {

    public static RelayOutcome fromReplyCode(int code, String reply) {
        if (code >= 200 && code < 300) {
            return new RelayOutcome(DeliveryState.SENT, reply);
        }
        if (code >= 500 && code < 600) {
            return new RelayOutcome(DeliveryState.FAILED, reply);
        }
        return new RelayOutcome(DeliveryState.DEFERRED, reply);
    }
}
