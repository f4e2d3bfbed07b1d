package org.postage.domain.submission;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/**
 * The From header: exactly one field holding exactly one mailbox with an ASCII address (the SMTP service offers no
 * SMTPUTF8). Whether that address is a verified sender of the account is the application's check, not this one.
 */
final class FromRule {

    static final String HEADER = "From";

    private static final String FIX = "Send one From header with one address, e.g. From: Shop <orders@shop.example>";

    private FromRule() {
    }

    /** The From address, or null when From breaks the rule (then {@code violations} says why). */
    static String read(HeaderSection headers, List<Violation> violations) {
        List<HeaderField> fields = headers.named(HEADER);
        if (fields.isEmpty()) {
            violations.add(new Violation("from.missing", "The message has no From header", FIX));
            return null;
        }
        if (fields.size() > 1) {
            violations.add(new Violation("from.multiple", "The message has " + fields.size() + " From headers", FIX));
            return null;
        }
        String value = fields.get(0).value().trim();
        if (value.isEmpty()) {
            violations.add(new Violation("from.missing", "The From header is empty", FIX));
            return null;
        }
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(value, true);
        } catch (AddressException e) {
            violations.add(invalid(value, e.getMessage()));
            return null;
        }
        if (addresses.length > 1) {
            violations.add(new Violation("from.multiple",
                    "From " + ReplyText.quote(value) + " lists " + addresses.length + " addresses", FIX));
            return null;
        }
        if (addresses.length == 0) {
            violations.add(invalid(value, "no address"));
            return null;
        }
        return checked(addresses[0], value, violations);
    }

    private static String checked(InternetAddress address, String value, List<Violation> violations) {
        if (address.isGroup()) {
            violations.add(invalid(value, "a group, not a mailbox"));
            return null;
        }
        try {
            address.validate();
        } catch (AddressException e) {
            violations.add(invalid(value, e.getMessage()));
            return null;
        }
        String addr = address.getAddress();
        if (!addr.chars().allMatch(c -> c > 32 && c < 127)) {
            violations.add(invalid(value, "non-ASCII address; SMTPUTF8 is not offered"));
            return null;
        }
        return addr;
    }

    private static Violation invalid(String value, String detail) {
        return new Violation("from.invalid", "From " + ReplyText.quote(value) + " is not a valid address ("
                + ReplyText.line(String.valueOf(detail), 60) + ")", FIX);
    }
}
