package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postage.domain.submission.Messages.htmlWith;
import static org.postage.domain.submission.Messages.repeat;
import static org.postage.domain.submission.Messages.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlexmailMetadataTest {

    private final SubmissionInspector inspector = new SubmissionInspector();

    @Test
    void metadataKeepsTheSendersKeysValuesAndOrder() {
        Inspection inspection = inspector.inspect(
                htmlWith("X-Flexmail-Metadata-order_id: 12345", "X-Flexmail-Metadata-customer_id: C-789"));
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
        assertEquals(
                List.of("order_id", "customer_id"),
                List.copyOf(inspection.options().metadata().keySet()));
        assertEquals(
                Map.of("order_id", "12345", "customer_id", "C-789"),
                inspection.options().metadata());
    }

    @Test
    void theHeaderPrefixIsCaseInsensitive() {
        Inspection inspection = inspector.inspect(htmlWith("x-FLEXMAIL-metadata-order_id: 12345"));
        assertEquals(Map.of("order_id", "12345"), inspection.options().metadata());
    }

    @Test
    void aKeyOf1CharacterIsAccepted() {
        assertEquals(
                Map.of("k", "v"),
                inspector
                        .inspect(htmlWith("X-Flexmail-Metadata-k: v"))
                        .options()
                        .metadata());
    }

    @Test
    void aKeyOf50CharactersIsAccepted() {
        assertTrue(inspector
                .inspect(htmlWith("X-Flexmail-Metadata-" + repeat('k', 50) + ": v"))
                .isAccepted());
    }

    @Test
    void aKeyOf51CharactersIsRefused() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Metadata-" + repeat('k', 51) + ": v"));
        assertEquals(List.of("metadata.key-format"), rules(inspection));
        assertTrue(inspection.options().metadata().isEmpty());
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertEquals(List.of("metadata.key-format"), rules(inspector.inspect(htmlWith("X-Flexmail-Metadata-: v"))));
    }

    @Test
    void theKeyIsReadCaseInsensitivelyAndStoredInLowerCase() {
        // nodemailer writes X-Flexmail-Metadata-order_id as X-Flexmail-Metadata-Order_id: header names have no case.
        Inspection inspection = inspector.inspect(
                htmlWith("X-Flexmail-Metadata-Order_id: 12345", "X-FLEXMAIL-METADATA-CUSTOMER_ID: 7"));
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
        assertEquals(
                List.of("order_id", "customer_id"),
                List.copyOf(inspection.options().metadata().keySet()));
        assertEquals(
                Map.of("order_id", "12345", "customer_id", "7"),
                inspection.options().metadata());
    }

    @Test
    void keysThatDifferOnlyInCaseAreTheSameKey() {
        Inspection inspection =
                inspector.inspect(htmlWith("X-Flexmail-Metadata-order_id: 1", "X-Flexmail-Metadata-Order_Id: 2"));
        assertEquals(List.of("metadata.duplicate-key"), rules(inspection));
        assertFalse(inspection.options().metadata().containsKey("order_id"));
    }

    @Test
    void theReservedKeyIsReservedInAnyCase() {
        Inspection inspection = inspector.inspect(
                htmlWith("Message-ID: <m1@shop.example>", "X-Flexmail-Metadata-Original_Message_ID: forged"));
        assertEquals(List.of("metadata.reserved-key"), rules(inspection));
        assertEquals("<m1@shop.example>", inspection.options().metadata().get("original_message_id"));
    }

    @Test
    void aRefusedKeyIsQuotedAsTheSenderWroteIt() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Metadata-Order-Id: 12345"));
        assertEquals(List.of("metadata.key-format"), rules(inspection));
        assertEquals(
                "Metadata key 'Order-Id' (header X-Flexmail-Metadata-{key}) is not snake_case",
                inspection.violations().get(0).reason());
    }

    @Test
    void aKeyWithAHyphenIsRefused() {
        assertEquals(
                List.of("metadata.key-format"), rules(inspector.inspect(htmlWith("X-Flexmail-Metadata-order-id: 1"))));
    }

    @Test
    void aValueOf1CharacterIsAccepted() {
        assertEquals(
                Map.of("n", "1"),
                inspector
                        .inspect(htmlWith("X-Flexmail-Metadata-n: 1"))
                        .options()
                        .metadata());
    }

    @Test
    void aValueOf80CharactersIsAccepted() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Metadata-note: " + repeat('v', 80)));
        assertEquals(Map.of("note", repeat('v', 80)), inspection.options().metadata());
    }

    @Test
    void aValueOf81CharactersIsRefused() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Metadata-note: " + repeat('v', 81)));
        assertEquals(List.of("metadata.value-length"), rules(inspection));
        assertTrue(inspection.violations().get(0).reason().startsWith("X-Flexmail-Metadata-note 'vvvvv"));
        assertTrue(inspection.violations().get(0).reason().endsWith("has 81 characters, more than 80"));
    }

    @Test
    void anEmptyValueIsRefused() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Metadata-note:    "));
        assertEquals(List.of("metadata.value-length"), rules(inspection));
        assertEquals(
                "X-Flexmail-Metadata-note is empty",
                inspection.violations().get(0).reason());
    }

    @Test
    void surroundingWhitespaceIsNotPartOfTheValue() {
        assertEquals(
                Map.of("note", "a b"),
                inspector
                        .inspect(htmlWith("X-Flexmail-Metadata-note:   a b  "))
                        .options()
                        .metadata());
    }

    @Test
    void anRfc2047EncodedValueIsMeasuredAfterDecoding() {
        // 80 times "e acute": 80 characters once decoded, 490 octets as the client sends them (folded).
        String encoded = "=?UTF-8?Q?" + "=C3=A9".repeat(40) + "?=\r\n =?UTF-8?Q?" + "=C3=A9".repeat(40) + "?=";
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Metadata-note: " + encoded));
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
        assertEquals("\u00e9".repeat(80), inspection.options().metadata().get("note"));
    }

    @Test
    void anRfc2047EncodedValueOf81DecodedCharactersIsRefused() {
        String encoded = "=?UTF-8?B?"
                + java.util.Base64.getEncoder()
                        .encodeToString("\u00e9".repeat(81).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "?=";
        assertEquals(
                List.of("metadata.value-length"),
                rules(inspector.inspect(htmlWith("X-Flexmail-Metadata-note: " + encoded))));
    }

    @Test
    void aValueEncodedInAnUnknownCharsetIsRefused() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Metadata-note: =?x-no-such-charset?Q?abc?="));
        assertEquals(List.of("metadata.value-encoding"), rules(inspection));
    }

    @Test
    void rawUtf8InAValueCountsCharactersNotOctets() {
        // Not allowed without SMTPUTF8, but legacy clients send it; 80 characters are 160 octets here.
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Metadata-note: " + "\u00e9".repeat(80)));
        assertEquals(Map.of("note", "\u00e9".repeat(80)), inspection.options().metadata());
    }

    @Test
    void twentyKeysAreAccepted() {
        Inspection inspection = inspector.inspect(htmlWith(metadataHeaders(20)));
        assertTrue(inspection.isAccepted());
        assertEquals(20, inspection.options().metadata().size());
    }

    @Test
    void moreThanTwentyKeysAreRefusedOnce() {
        Inspection inspection = inspector.inspect(htmlWith(metadataHeaders(21)));
        assertEquals(List.of("metadata.too-many"), rules(inspection));
        assertEquals(
                "The message has 21 X-Flexmail-Metadata-* keys; at most 20 are allowed",
                inspection.violations().get(0).reason());
    }

    @Test
    void theKeyLimitIsASetting() {
        SubmissionInspector strict = new SubmissionInspector(2);
        assertTrue(strict.inspect(htmlWith(metadataHeaders(2))).isAccepted());
        assertEquals(List.of("metadata.too-many"), rules(strict.inspect(htmlWith(metadataHeaders(3)))));
    }

    @Test
    void theSameKeyTwiceIsRefused() {
        Inspection inspection =
                inspector.inspect(htmlWith("X-Flexmail-Metadata-order_id: 1", "x-flexmail-metadata-order_id: 2"));
        assertEquals(List.of("metadata.duplicate-key"), rules(inspection));
        assertFalse(inspection.options().metadata().containsKey("order_id"));
    }

    @Test
    void theMessageIdIsStoredAsOriginalMessageIdEvenWithoutOtherMetadata() {
        Inspection inspection = inspector.inspect(htmlWith("Message-ID: <20261126.12345@shop.example>"));
        assertTrue(inspection.isAccepted());
        assertEquals(
                Map.of("original_message_id", "<20261126.12345@shop.example>"),
                inspection.options().metadata());
    }

    @Test
    void theMessageIdHeaderNameIsCaseInsensitive() {
        Inspection inspection = inspector.inspect(htmlWith("message-id:  <a@b.example> "));
        assertEquals("<a@b.example>", inspection.options().metadata().get(FlexmailOptions.ORIGINAL_MESSAGE_ID));
    }

    @Test
    void withoutMessageIdThereIsNoOriginalMessageId() {
        assertTrue(inspector.inspect(htmlWith()).options().metadata().isEmpty());
    }

    @Test
    void originalMessageIdDoesNotCountAgainstTheKeyLimit() {
        List<String> headers = new ArrayList<>(List.of(metadataHeaders(20)));
        headers.add("Message-ID: <m1@shop.example>");
        Inspection inspection = inspector.inspect(htmlWith(headers.toArray(String[]::new)));
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
        assertEquals(21, inspection.options().metadata().size());
    }

    @Test
    void aSendersOwnOriginalMessageIdIsRefusedAndCannotOverrideTheMessageId() {
        Inspection inspection = inspector.inspect(
                htmlWith("Message-ID: <m1@shop.example>", "X-Flexmail-Metadata-original_message_id: forged"));
        assertEquals(List.of("metadata.reserved-key"), rules(inspection));
        assertEquals("<m1@shop.example>", inspection.options().metadata().get("original_message_id"));
    }

    private static String[] metadataHeaders(int count) {
        String[] headers = new String[count];
        for (int i = 0; i < count; i++) {
            headers[i] = "X-Flexmail-Metadata-key_" + i + ": value " + i;
        }
        return headers;
    }
}
