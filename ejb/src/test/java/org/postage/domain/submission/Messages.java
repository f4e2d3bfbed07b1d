package org.postage.domain.submission;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test messages as a client sends them: lines joined with CRLF, so each test shows the exact bytes. */
final class Messages {

    private Messages() {}

    static byte[] raw(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A valid single-part HTML message with {@code extraHeaders} after Subject. */
    static byte[] htmlWith(String... extraHeaders) {
        List<String> lines = new ArrayList<>(
                List.of("From: Shop <orders@shop.example>", "To: customer@example.com", "Subject: Your order 12345"));
        Collections.addAll(lines, extraHeaders);
        lines.addAll(List.of(
                "MIME-Version: 1.0", "Content-Type: text/html; charset=UTF-8", "", "<p>Thank you for your order.</p>"));
        return raw(lines.toArray(String[]::new));
    }

    static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    static List<String> rules(Inspection inspection) {
        return inspection.violations().stream().map(Violation::rule).toList();
    }
}
