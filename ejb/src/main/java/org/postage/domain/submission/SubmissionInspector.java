package org.postage.domain.submission;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/**
 * Checks a submitted message against the SMTP submission rules and reads the Flexmail options from its headers. Every
 * broken rule is reported, not just the first, so that one NDR can list all the sender has to change. Thread-safe.
 */
public final class SubmissionInspector {

    public static final int DEFAULT_MAX_METADATA_KEYS = 20;

    private static final String HEADER_FIX =
            "Send an RFC 5322 message: header lines of the form Name: value, then an empty line, then the body";
    private static final String MIME_FIX =
            "Send a valid MIME structure: check the multipart boundaries and the transfer encodings";

    private final MetadataRule metadataRule;
    // A Session of our own, so that no mail.mime.* system property changes how messages are parsed.
    private final Session session = Session.getInstance(new Properties());

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
            return unparseable("The message is empty", HEADER_FIX);
        }
        HeaderSection headers = HeaderSection.parse(rawMessage);
        for (HeaderField field : headers.fields()) {
            if (field.name() == null) {
                // Nothing after a line that is not a header field can be trusted to mean what it seems.
                return unparseable(
                        "Header line " + ReplyText.quote(field.text()) + " is not a header field (Name: value)",
                        HEADER_FIX);
            }
        }
        List<Violation> violations = new ArrayList<>();
        EmailAddress from = FromRule.read(headers, violations);
        String tag = TagRule.read(headers, violations);
        Map<String, String> metadata = metadataRule.read(headers, violations);
        boolean openTracking = TrackingRule.read(headers, TrackingRule.OPEN, violations);
        boolean linkTracking = TrackingRule.read(headers, TrackingRule.LINK, violations);
        violations.addAll(content(rawMessage));
        return new Inspection(violations, new FlexmailOptions(tag, metadata, openTracking, linkTracking), from);
    }

    private List<Violation> content(byte[] rawMessage) {
        try {
            // A SharedInputStream lets every part point into the array instead of copying its bytes.
            MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(rawMessage));
            return ContentRules.check(message);
        } catch (MessagingException | IOException e) {
            // Half-walked structure proves nothing (no HTML found yet is not "text only"): report the failure alone.
            return List.of(new Violation(
                    "message.unparseable",
                    "The MIME structure cannot be read: "
                            + Objects.requireNonNullElse(
                                    e.getMessage(), e.getClass().getSimpleName()),
                    MIME_FIX));
        }
    }

    private static Inspection unparseable(String reason, String fix) {
        return new Inspection(List.of(new Violation("message.unparseable", reason, fix)), FlexmailOptions.none(), null);
    }
}
