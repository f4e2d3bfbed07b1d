package org.postage.application.sender;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the verification links mailed to new senders point, and how long they work.
 *
 * @param publicUrl the address people reach Postage's HTTP port at, as links in mail show it
 * @param validity  how long a link works after it was mailed
 */
public record VerificationLinks(String publicUrl, Duration validity) {

    public VerificationLinks {
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a verification link must work for some time: " + validity);
        }
    }

    /** The link that carries this token to the verification page. */
    String link(String token) {
        return publicUrl.replaceAll("/+$", "") + SenderService.VERIFY_PATH + "?token=" + token;
    }
}
