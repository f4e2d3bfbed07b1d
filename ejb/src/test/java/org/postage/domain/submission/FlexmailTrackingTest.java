package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postage.domain.submission.Messages.htmlWith;
import static org.postage.domain.submission.Messages.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlexmailTrackingTest {

    private final SubmissionInspector inspector = new SubmissionInspector();

    @Test
    void trackingIsOffWithoutTheHeaders() {
        FlexmailOptions options = inspector.inspect(htmlWith()).options();
        assertFalse(options.openTracking());
        assertFalse(options.linkTracking());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "  True  "})
    void trueInAnyCaseTurnsTrackingOn(String value) {
        FlexmailOptions options = inspector
                .inspect(htmlWith("X-Flexmail-Open-Tracking: " + value, "X-Flexmail-Link-Tracking: " + value))
                .options();
        assertTrue(options.openTracking());
        assertTrue(options.linkTracking());
    }

    @Test
    void eachHeaderControlsItsOwnTracking() {
        FlexmailOptions options =
                inspector.inspect(htmlWith("x-flexmail-link-tracking: true")).options();
        assertFalse(options.openTracking());
        assertTrue(options.linkTracking());
    }

    @Test
    void falseLeavesTrackingOff() {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Open-Tracking: False"));
        assertTrue(inspection.isAccepted());
        assertFalse(inspection.options().openTracking());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "", "true false"})
    void anyOtherValueIsRefused(String value) {
        Inspection inspection = inspector.inspect(htmlWith("X-Flexmail-Open-Tracking: " + value));
        assertEquals(List.of("tracking.value"), rules(inspection));
        assertFalse(inspection.options().openTracking());
    }

    @Test
    void theReasonQuotesTheBadValue() {
        Violation v = inspector
                .inspect(htmlWith("X-Flexmail-Link-Tracking: yes"))
                .violations()
                .get(0);
        assertEquals("X-Flexmail-Link-Tracking is 'yes'; only true or false is understood", v.reason());
    }

    @Test
    void theHeaderTwiceIsRefused() {
        Inspection inspection =
                inspector.inspect(htmlWith("X-Flexmail-Open-Tracking: true", "X-Flexmail-Open-Tracking: false"));
        assertEquals(List.of("tracking.multiple"), rules(inspection));
    }
}
