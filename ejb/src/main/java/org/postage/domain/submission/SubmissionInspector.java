package org.postage.domain.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a submitted message against the SMTP submission rules and reads the Flexmail options from its headers. Every
 * broken rule is reported, not just the first, so that one NDR can list all the sender has to change. Thread-safe.
 */
public final class SubmissionInspector {

    public static final int DEFAULT_MAX_METADATA_KEYS = 20;

    private static final String MIME_FIX =
            "Send an RFC 5322 message: header lines of the form Name: value, then an empty line, then the body";

    private final MetadataRule metadataRule;

    public SubmissionInspector() {
        this(DEFAULT_MAX_METADATA_KEYS);
    }

    public SubmissionInspector(int maxMetadataKeys) {
        if (maxMetadataKeys < 0) {
            throw new IllegalArgumentException("maximum metadata keys must not be negative: " + maxMetadataKeys);
        }
        this.metadataRule = new MetadataRule(maxMetadataKeys);
    }

    public Inspection inspect(byte[] rawMessage) {
        Objects.requireNonNull(rawMessage, "rawMessage");
        if (rawMessage.length == 0) {
            return unparseable("The message is empty");
        }
        HeaderBlock headers = HeaderBlock.of(rawMessage);
        for (HeaderBlock.Field field : headers.fields()) {
            if (field.name() == null) {
                // Nothing after a line that is not a header field can be trusted to mean what it seems.
                return unparseable(
                        "Header line " + ReplyText.quote(field.value()) + " is not a header field (Name: value)");
            }
        }
        List<Violation> violations = new ArrayList<>();
        String from = FromRule.read(headers, violations);
        String tag = TagRule.read(headers, violations);
        Map<String, String> metadata = metadataRule.read(headers, violations);
        boolean openTracking = TrackingRule.read(headers, TrackingRule.OPEN, violations);
        boolean linkTracking = TrackingRule.read(headers, TrackingRule.LINK, violations);
        return new Inspection(violations, new FlexmailOptions(tag, metadata, openTracking, linkTracking), from);
    }

    private static Inspection unparseable(String reason) {
        return new Inspection(List.of(unparseableViolation(reason)), FlexmailOptions.none(), null);
    }

    private static Violation unparseableViolation(String reason) {
        return new Violation("message.unparseable", reason, MIME_FIX);
    }
}
