package org.postage.domain.submission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the sender asked for in {@code X-Flexmail-*} headers: a tag (null when none), metadata in header order (with
 * {@value #ORIGINAL_MESSAGE_ID} when the message has a Message-ID), and open and link tracking (off unless asked for).
 */
public record FlexmailOptions(String tag, Map<String, String> metadata, boolean openTracking, boolean linkTracking) {

    /** The metadata key the service fills from the Message-ID header, for webhook correlation. */
    public static final String ORIGINAL_MESSAGE_ID = "original_message_id";

    public FlexmailOptions {
        // LinkedHashMap keeps the senders' order, which Map.copyOf would not.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
    }

    /** The options of a message that asked for nothing. */
    public static FlexmailOptions none() {
        return new FlexmailOptions(null, Map.of(), false, false);
    }
}
