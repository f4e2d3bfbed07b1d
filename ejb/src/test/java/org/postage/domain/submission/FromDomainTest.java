package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FromDomainTest {

    @Test
    void theDomainOfTheSingleFromAddressInLowerCase() {
        assertEquals(Optional.of("shop.example"), FromDomain.of(raw("From: Shop <Orders@Shop.Example>\r\n")));
    }

    @Test
    void nothingWhenFromIsMissingOrNotSingle() {
        assertEquals(Optional.empty(), FromDomain.of(raw("Subject: no from\r\n")));
        assertEquals(Optional.empty(), FromDomain.of(raw("From: a@one.example, b@two.example\r\n")));
        assertEquals(Optional.empty(), FromDomain.of(raw("From: a@one.example\r\nFrom: b@two.example\r\n")));
    }

    private static byte[] raw(String headers) {
        return (headers + "To: reader@example.net\r\n\r\n<p>hi</p>\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
