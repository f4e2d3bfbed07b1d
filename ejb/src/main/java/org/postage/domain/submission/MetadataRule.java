package org.postage.domain.submission;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/**
 * {@code X-Flexmail-Metadata-{key}}: the key snake_case of 1 to 50 characters, the value 1 to 80 characters after
 * RFC 2047 decoding and trimming, each key once, at most {@code maxKeys} keys. The key is part of a header name, and
 * header names have no case: clients such as nodemailer write {@code X-Flexmail-Metadata-Order_id}
 * for {@code order_id}, so the key is read in lower case, stored so, and {@code Order_id} and {@code order_id} are one
 * key. The Message-ID becomes {@value FlexmailOptions#ORIGINAL_MESSAGE_ID}, outside
 * the limit. A sender's own {@code X-Flexmail-Metadata-original_message_id} is a violation, not silently dropped:
 * the sender expects that value to come back in webhooks, and it would not.
 */
final class MetadataRule {

    static final String PREFIX = "X-Flexmail-Metadata-";
    static final int MAX_VALUE_LENGTH = 80;

    private static final String KEY_FIX = "Name the key in snake_case, 1 to " + SnakeCase.MAX_LENGTH
            + " lower-case letters and digits joined by single underscores, e.g. " + PREFIX + "order_id";

    private final int maxKeys;

    MetadataRule(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** The metadata in header order; keys that break a rule are left out (and {@code violations} says why). */
    Map<String, String> read(HeaderSection headers, List<Violation> violations) {
        Map<String, List<HeaderField>> byKey = new LinkedHashMap<>();
        for (HeaderField field : headers.fields()) {
            if (field.hasNamePrefix(PREFIX)) {
                String key = field.name().substring(PREFIX.length()).toLowerCase(Locale.ROOT);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(field);
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, List<HeaderField>> entry : byKey.entrySet()) {
            String value = checked(entry.getKey(), entry.getValue(), violations);
            if (value != null) {
                metadata.put(entry.getKey(), value);
            }
        }
        int keys = byKey.size() - (byKey.containsKey(FlexmailOptions.ORIGINAL_MESSAGE_ID) ? 1 : 0);
        if (keys > maxKeys) {
            violations.add(new Violation(
                    "metadata.too-many",
                    "The message has " + keys + " " + PREFIX + "* keys; at most " + maxKeys + " are allowed",
                    "Send at most " + maxKeys + " metadata keys; original_message_id is added by the service"
                            + " and not counted"));
        }
        String messageId = originalMessageId(headers);
        if (messageId != null) {
            metadata.put(FlexmailOptions.ORIGINAL_MESSAGE_ID, messageId);
        }
        return metadata;
    }

    /**
     * The decoded value for {@code key} (in lower case), or null when the key or its value breaks a rule; the reasons
     * quote the key as the sender wrote it.
     */
    private static String checked(String key, List<HeaderField> fields, List<Violation> violations) {
        String written = fields.get(0).name().substring(PREFIX.length());
        String header = PREFIX + written;
        if (fields.size() > 1) {
            violations.add(new Violation(
                    "metadata.duplicate-key",
                    ReplyText.line(header, 80) + " appears " + fields.size() + " times; each key takes one value",
                    "Send each metadata key once"));
            return null;
        }
        if (key.equals(FlexmailOptions.ORIGINAL_MESSAGE_ID)) {
            violations.add(new Violation(
                    "metadata.reserved-key",
                    header + " is reserved: the service fills it from the Message-ID header",
                    "Remove " + header + " and put your id in the Message-ID header"));
            return null;
        }
        String keyProblem = SnakeCase.problem(key);
        if (keyProblem != null) {
            violations.add(new Violation(
                    "metadata.key-format",
                    "Metadata key " + ReplyText.quote(written) + " (header " + PREFIX + "{key}) " + keyProblem,
                    KEY_FIX));
            return null;
        }
        String value;
        try {
            value = MimeUtility.decodeText(fields.get(0).value().trim()).trim();
        } catch (UnsupportedEncodingException e) {
            violations.add(new Violation(
                    "metadata.value-encoding",
                    header + " is RFC 2047 encoded in an unknown charset " + ReplyText.quote(e.getMessage()),
                    "Encode the value in UTF-8 (=?UTF-8?Q?...?=) or send it as plain ASCII"));
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length == 0 || length > MAX_VALUE_LENGTH) {
            violations.add(new Violation(
                    "metadata.value-length",
                    header
                            + (length == 0
                                    ? " is empty"
                                    : " " + ReplyText.quote(value) + " has " + length + " characters, more than "
                                            + MAX_VALUE_LENGTH),
                    "Give " + header + " a value of 1 to " + MAX_VALUE_LENGTH + " characters"));
            return null;
        }
        return value;
    }

    /** The first Message-ID as the sender wrote it (angle brackets included), or null when there is none. */
    private static String originalMessageId(HeaderSection headers) {
        return headers.named("Message-ID").stream()
                .map(f -> f.value().trim())
                .filter(v -> !v.isEmpty())
                .findFirst()
                .orElse(null);
    }
}
