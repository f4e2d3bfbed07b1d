package org.postage.application.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SmtpPrincipalTest {

    @Test
    void roundTripsThroughTheAdapter() {
        SmtpPrincipal p = new SmtpPrincipal(42, "smtp-abc", false);
        assertEquals(
                new SmtpPrincipal(42, "smtp-abc", true),
                SmtpPrincipal.parse(new SmtpPrincipal(42, "smtp-abc", true).format()));
        assertEquals(p, SmtpPrincipal.parse(p.format()));
        assertNull(SmtpPrincipal.parse(null));
        assertThrows(IllegalArgumentException.class, () -> SmtpPrincipal.parse("nobody"));
    }
}
