package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postage.domain.submission.Messages.htmlWith;
import static org.postage.domain.submission.Messages.repeat;
import static org.postage.domain.submission.Messages.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlexmailTagTest {

    private final SubmissionInspector inspector = new SubmissionInspector();

    @Test
    void aSnakeCaseTagBecomesTheMessagesTag() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Tag: order_confirmation"));
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
        assertEquals("order_confirmation", inspection.options().tag());
    }

    @Test
    void aMessageWithoutTagHasNone() {
        assertNull(inspector.inspect(htmlWith()).options().tag());
    }

    @Test
    void aTagOf1CharacterIsAccepted() {
        assertEquals(
                "a", inspector.inspect(htmlWith("X-Flexmail-Tag: a")).options().tag());
    }

    @Test
    void aTagOf50CharactersIsAccepted() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Tag: " + repeat('a', 50)));
        assertTrue(inspection.isAccepted());
        assertEquals(repeat('a', 50), inspection.options().tag());
    }

    @Test
    void aTagOf51CharactersIsRefused() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Tag: " + repeat('a', 51)));
        assertEquals(List.of("tag.format"), rules(inspection));
        assertTrue(inspection.violations().get(0).reason().contains("has 51 characters, more than 50"));
        assertNull(inspection.options().tag());
    }

    @Test
    void anEmptyTagIsRefused() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Tag:   "));
        assertEquals(List.of("tag.format"), rules(inspection));
        assertTrue(inspection.violations().get(0).reason().endsWith("is empty"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Order_Confirmation",
                "order-confirmation",
                "order__confirmation",
                "_order",
                "order_",
                "order confirmation",
                "bestelling_\u00e9t\u00e9"
            })
    void aTagThatIsNotSnakeCaseIsRefused(String tag) {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Tag: " + tag));
        assertEquals(List.of("tag.format"), rules(inspection));
        assertTrue(inspection.violations().get(0).reason().contains("is not snake_case"));
    }

    @Test
    void theReasonNamesTheHeaderAndTheValue() {
        Violation v = inspector
                .inspect(htmlWith("X-Flexmail-Tag: Order-Confirmation"))
                .violations()
                .get(0);
        assertEquals("X-Flexmail-Tag 'Order-Confirmation' is not snake_case", v.reason());
        assertTrue(v.fix().contains("order_confirmation"));
    }

    @Test
    void twoTagsAreRefused() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Tag: welcome", "X-Flexmail-Tag: welcome"));
        assertEquals(List.of("tag.multiple"), rules(inspection));
        assertNull(inspection.options().tag());
    }

    @Test
    void theHeaderNameIsCaseInsensitive() {
        assertEquals(
                "welcome",
                inspector.inspect(htmlWith("x-FLEXMAIL-tag: welcome")).options().tag());
    }

    @Test
    void surroundingSpacesAndFoldingAreIgnored() {
        assertEquals(
                "welcome",
                inspector
                        .inspect(htmlWith("X-Flexmail-Tag:", "\twelcome  "))
                        .options()
                        .tag());
    }
}
