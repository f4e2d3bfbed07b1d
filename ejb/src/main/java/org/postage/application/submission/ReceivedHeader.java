package org.postage.application.submission;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.postage.api.SmtpSession;
import org.postage.domain.message.QueueId;

/** The trace header (RFC 5321 4.4) Postage prepends to every accepted message. */
public final class ReceivedHeader {

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private ReceivedHeader() {}

    public static byte[] render(SmtpSession session, String byHost, QueueId queueId, ZonedDateTime when) {
        String helo = session.heloName() == null ? "unknown" : clean(session.heloName());
        // ESMTPSA: ESMTP with STARTTLS and AUTH (RFC 3848); ESMTPA when authenticated without TLS.
        String protocol = session.tls() ? "ESMTPSA" : "ESMTPA";
        String header = "Received: from " + helo + " ([" + clean(session.clientAddress()) + "])\r\n"
                + "\tby " + byHost + " (Postage) with " + protocol + " id " + queueId + ";\r\n"
                + "\t" + RFC_5322.format(when) + "\r\n";
        return header.getBytes(StandardCharsets.US_ASCII);
    }

    /** The HELO name is client input: keep it to printable ASCII without parentheses so it cannot break the header. */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 255));
        for (int i = 0; i < s.length() && out.length() < 255; i++) {
            char c = s.charAt(i);
            out.append(c > 32 && c < 127 && c != '(' && c != ')' ? c : '_');
        }
        return out.toString();
    }
}
