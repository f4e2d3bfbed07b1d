package org.postage.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeAddressesTest {

    @Test
    void twoSpellingsThatDifferOnlyInCaseAreOneRecipient() {
        assertEquals(EnvelopeAddresses.key("Ann@Example.NET"), EnvelopeAddresses.key("ann@example.net"));
        assertEquals("ann@example.net", EnvelopeAddresses.key("Ann@Example.NET"));
    }

    @Test
    void distinctKeepsTheFirstSpellingOfEachRecipientInOrder() {
        assertEquals(
                List.of("Ann@Example.NET", "bob@example.net", "\"odd one\"@example.net"),
                EnvelopeAddresses.distinct(List.of(
                        "Ann@Example.NET",
                        "bob@example.net",
                        "ann@example.net",
                        "\"odd one\"@example.net",
                        "BOB@example.net")));
    }
}
