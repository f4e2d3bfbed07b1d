package org.postage.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void aDotAtomLocalPartAtADomainOfAtLeastTwoLabels() {
        // The rule senders were held to before EmailAddress (formerly SenderTest).
        assertTrue(EmailAddress.isValid("first.last+tag@mail.shop.example"));
        assertTrue(EmailAddress.isValid("o'brien@shop.example"));
        assertFalse(EmailAddress.isValid("no-at-sign.example"));
        assertFalse(EmailAddress.isValid("@shop.example"));
        assertFalse(EmailAddress.isValid("a@localhost"), "a domain of one label");
        assertFalse(EmailAddress.isValid("two..dots@shop.example"));
        assertFalse(EmailAddress.isValid("\"quoted\"@shop.example"));
        assertFalse(EmailAddress.isValid("a b@shop.example"));
        assertFalse(EmailAddress.isValid("x".repeat(65) + "@shop.example"), "local part over 64");
        assertTrue(EmailAddress.isValid("x".repeat(64) + "@shop.example"));
        String domain190 = "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".example";
        assertTrue(EmailAddress.isValid("x".repeat(63) + "@" + domain190), "254 in all");
        assertFalse(EmailAddress.isValid("x".repeat(64) + "@" + domain190), "255 in all");
    }

    @Test
    void moreThatIsNotTaken() {
        assertFalse(EmailAddress.isValid(null));
        assertFalse(EmailAddress.isValid(""));
        assertFalse(EmailAddress.isValid("a@"));
        assertFalse(EmailAddress.isValid(".a@shop.example"));
        assertFalse(EmailAddress.isValid("a.@shop.example"));
        assertFalse(EmailAddress.isValid("a@b@shop.example"));
        assertFalse(EmailAddress.isValid("a@[192.0.2.1]"), "no address literals");
        assertFalse(EmailAddress.isValid("a@-shop.example"));
        assertFalse(EmailAddress.isValid("a@shop..example"));
        assertFalse(EmailAddress.isValid("a@ shop.example"), "whitespace only around the whole address");
        assertFalse(EmailAddress.isValid("caf\u00e9@shop.example"), "no SMTPUTF8");
        assertFalse(EmailAddress.isValid("a@b\u00fccher.example"), "an IDN only in its xn-- form");
        assertTrue(EmailAddress.isValid("a@xn--bcher-kva.example"));
    }

    @Test
    void theWholeAddressIsKeptInLowerCase() {
        EmailAddress address = EmailAddress.of("  Orders.Desk@Shop.EXAMPLE\t");
        assertEquals("orders.desk", address.localPart());
        assertEquals("shop.example", address.domain());
        assertEquals("orders.desk@shop.example", address.toString());
        assertEquals(EmailAddress.of("orders.desk@shop.example"), address, "addresses compare without regard to case");
        assertEquals(address, new EmailAddress("ORDERS.desk", "shop.Example"));
    }

    @Test
    void parseSaysEmptyAndOfAndTheConstructorThrow() {
        assertEquals(Optional.empty(), EmailAddress.parse("nope"));
        assertEquals(Optional.of(new EmailAddress("a", "shop.example")), EmailAddress.parse("A@shop.example"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmailAddress.of("nope"));
        assertEquals("not an email address: nope", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("a b", "shop.example"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("a", "localhost"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(null, "shop.example"));
    }

    @Test
    void theDomainRuleIsThatOfSendingDomains() {
        assertTrue(EmailAddress.isValidDomain("Shop.Example"));
        assertFalse(EmailAddress.isValidDomain("localhost"));
        assertFalse(EmailAddress.isValidDomain(" shop.example"));
        assertFalse(EmailAddress.isValidDomain("a".repeat(64) + ".example"), "a label over 63");
        assertFalse(EmailAddress.isValidDomain(null));
    }
}
