package org.postage.infrastructure.dkim;

import java.nio.charset.StandardCharsets;

/** Messages as Postage accepts them: CRLF line ends, a Received field on top, folded fields. */
final class TestMessages {

    static final String HEADERS = ""
            + "Received: from shop.example.com ([192.0.2.7])\r\n"
            + "\tby postage.test (Postage) with ESMTPSA id 01JD2Q3R4S5T6V7W;\r\n"
            + "\tWed, 15 Jan 2025 11:00:00 +0100\r\n"
            + "From: Shop <news@shop.example.com>\r\n"
            + "To: Ann <ann@example.net>\r\n"
            + "Subject: Your order\r\n"
            + " has shipped\r\n"
            + "Date: Wed, 15 Jan 2025 10:59:58 +0100\r\n"
            + "Message-ID: <order-1@shop.example.com>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "X-Mailer: test\r\n";

    static final String BODY = "Hello Ann,\r\n\r\nyour order has shipped.\r\n\r\nShop\r\n";

    private TestMessages() {}

    static byte[] simple() {
        return ascii(HEADERS + "\r\n" + BODY);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] prepend(String field, byte[] message) {
        byte[] head = ascii(field);
        byte[] out = new byte[head.length + message.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(message, 0, out, head.length, message.length);
        return out;
    }

    static String text(byte[] message) {
        return new String(message, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
