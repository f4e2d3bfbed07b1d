package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postage.domain.submission.Messages.raw;
import static org.postage.domain.submission.Messages.rules;

import java.util.List;
import org.junit.jupiter.api.Test;

class FromHeaderTest {

    private final SubmissionInspector inspector = new SubmissionInspector();

    @Test
    void theFromAddressIsReturnedWithoutItsDisplayName() {
        Inspection inspection = inspector.inspect(from("From: \"Shop, Orders\" <orders@shop.example>"));
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
        assertEquals("orders@shop.example", inspection.fromAddress());
    }

    @Test
    void anEncodedDisplayNameAndAFoldedHeaderAreAccepted() {
        Inspection inspection = inspector.inspect(from("FROM: =?UTF-8?Q?Caf=C3=A9?=", " <hello@cafe.example>"));
        assertEquals("hello@cafe.example", inspection.fromAddress());
    }

    @Test
    void aMessageWithoutFromIsRefused() {
        Inspection inspection = inspector.inspect(from());
        assertEquals(List.of("from.missing"), rules(inspection));
        assertNull(inspection.fromAddress());
    }

    @Test
    void anEmptyFromIsRefused() {
        assertEquals(List.of("from.missing"), rules(inspector.inspect(from("From:  "))));
    }

    @Test
    void anAddressWithoutDomainIsRefused() {
        Inspection inspection = inspector.inspect(from("From: orders"));
        assertEquals(List.of("from.invalid"), rules(inspection));
        assertTrue(inspection.violations().get(0).reason().startsWith("From 'orders' is not a valid address"));
    }

    @Test
    void unbalancedAngleBracketsAreRefused() {
        assertEquals(List.of("from.invalid"), rules(inspector.inspect(from("From: Shop <orders@shop.example"))));
    }

    @Test
    void aGroupIsRefused() {
        assertEquals(List.of("from.invalid"), rules(inspector.inspect(from("From: undisclosed-senders:;"))));
    }

    @Test
    void aNonAsciiAddressIsRefused() {
        assertEquals(List.of("from.invalid"), rules(inspector.inspect(from("From: caf\u00e9@shop.example"))));
    }

    @Test
    void twoAddressesInOneFromAreRefused() {
        Inspection inspection = inspector.inspect(from("From: orders@shop.example, billing@shop.example"));
        assertEquals(List.of("from.multiple"), rules(inspection));
        assertNull(inspection.fromAddress());
    }

    @Test
    void twoFromHeadersAreRefused() {
        Inspection inspection = inspector.inspect(from("From: orders@shop.example", "from: orders@shop.example"));
        assertEquals(List.of("from.multiple"), rules(inspection));
        assertEquals(
                "The message has 2 From headers", inspection.violations().get(0).reason());
    }

    @Test
    void theFromAddressIsTheLowerCaseEmailAddress() {
        Inspection inspection = inspector.inspect(from("From: Shop <Orders@Shop.Example>"));
        assertEquals("orders@shop.example", inspection.fromAddress());
        assertEquals("shop.example", inspection.from().domain());
    }

    @Test
    void anAddressNoSenderCouldHaveIsRefusedAsInvalid() {
        // Quoted local parts, address literals and one-label domains: RFC 5322 allows them, EmailAddress does not.
        for (String from : List.of("From: \"john doe\"@shop.example", "From: <a@[192.0.2.1]>", "From: a@localhost")) {
            Inspection inspection = inspector.inspect(from(from));
            assertEquals(List.of("from.invalid"), rules(inspection), from);
            assertTrue(
                    inspection
                            .violations()
                            .get(0)
                            .reason()
                            .endsWith("is not a valid address (not a dot-atom local part at a multi-label domain)"),
                    from);
        }
    }

    private static byte[] from(String... fromLines) {
        String[] lines = new String[fromLines.length + 5];
        System.arraycopy(fromLines, 0, lines, 0, fromLines.length);
        System.arraycopy(
                new String[] {
                    "To: customer@example.com", "Subject: Hello", "Content-Type: text/html", "", "<p>Hello</p>"
                },
                0,
                lines,
                fromLines.length,
                5);
        return raw(lines);
    }
}
