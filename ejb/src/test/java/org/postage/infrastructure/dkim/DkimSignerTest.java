package org.postage.infrastructure.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.postage.infrastructure.dkim.TestMessages.bytes;
import static org.postage.infrastructure.dkim.TestMessages.prepend;
import static org.postage.infrastructure.dkim.TestMessages.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postage.application.delivery.DkimSigningException;
import org.postage.domain.sendingdomain.DkimKeyPair;
import org.postage.infrastructure.dkim.PythonDkimVerifier.Verdict;

class DkimSignerTest {

    private static final String DOMAIN = "shop.example.com";
    private static final String SELECTOR = "pst202501-k3x9";
    /** In the past: verifiers refuse a t= in the future, and CI machines' clocks differ. */
    private static final Instant SIGNED_AT = Instant.parse("2025-01-15T10:00:00Z");

    private static DkimKeyPair keys;
    private final DkimSigner signer = new DkimSigner(Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

    @BeforeAll
    static void generateOneKeyForAllTests() {
        keys = DkimKeyPair.generate();
    }

    @Test
    void aSignedMessageVerifiesWithAnIndependentVerifier() {
        Verdict verdict = verify(signed(TestMessages.simple()));
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void aBodyChangedAfterSigningFailsVerification() {
        String signed = text(signed(TestMessages.simple()));
        Verdict verdict = verify(bytes(signed.replace("your order has shipped", "your order has shipped!")));
        assertFalse(verdict.verified(), verdict.output());
        assertTrue(verdict.output().contains("body hash mismatch"), verdict.output());
    }

    @Test
    void headerWhitespaceChangedAfterSigningStillVerifiesBecauseCanonicalisationIsRelaxed() {
        String signed = text(signed(TestMessages.simple()));
        String reformatted = signed.replace(
                        "Subject: Your order\r\n has shipped\r\n", "SUBJECT:   Your order  has\r\n\tshipped \r\n")
                .replace("To: Ann <ann@example.net>", "To:\tAnn\t <ann@example.net>");
        Verdict verdict = verify(bytes(reformatted));
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void trailingWhitespaceAndEmptyLinesAddedToTheBodyStillVerify() {
        String signed = text(signed(TestMessages.simple()));
        Verdict verdict = verify(bytes(signed.replace("Hello Ann,\r\n", "Hello  Ann, \t\r\n") + "\r\n\r\n"));
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void aSecondFromAddedAfterSigningFailsVerificationBecauseFromIsOversigned() {
        byte[] signed = signed(TestMessages.simple());
        String text = text(signed);
        int body = text.indexOf("\r\n\r\n") + 2;
        String withSecondFrom =
                text.substring(0, body) + "From: Attacker <ceo@shop.example.com>\r\n" + text.substring(body);
        Verdict verdict = verify(bytes(withSecondFrom));
        assertFalse(verdict.verified(), verdict.output());
    }

    @Test
    void aFieldOutsideTheSignedSetCanBeAddedLater() {
        Verdict verdict = verify(prepend("X-Spam-Score: 0.1\r\n", signed(TestMessages.simple())));
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void signsTheUsualFieldsPresentWithFromOnceMoreThanItOccurs() {
        String field = signer.sign(TestMessages.simple(), DOMAIN, SELECTOR, keys.privateKey());
        assertEquals("from:from:to:subject:date:message-id:mime-version:content-type", tag(field, "h"));
    }

    @Test
    void theFieldNamesTheAlgorithmCanonicalisationDomainSelectorAndTime() {
        String field = signer.sign(TestMessages.simple(), DOMAIN, SELECTOR, keys.privateKey());
        assertTrue(
                field.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=shop.example.com;"), field);
        assertEquals(SELECTOR, tag(field, "s"));
        assertEquals(Long.toString(SIGNED_AT.getEpochSecond()), tag(field, "t"));
        assertFalse(field.contains("q="), "the default q=dns/txt says nothing");
        assertTrue(field.matches("(?s).*\\r\\n\\tb=[^;]+;\\r\\n"), "b= comes last, and the field ends in CRLF");
    }

    @Test
    void theFieldIsFoldedIntoLinesOfAtMost78CharactersOfAscii() {
        String field = signer.sign(messageWithEverySignedField(), DOMAIN, SELECTOR, keys.privateKey());
        assertTrue(field.endsWith("\r\n"));
        for (String line : field.substring(0, field.length() - 2).split("\r\n")) {
            assertTrue(line.length() <= 78, line.length() + ": " + line);
        }
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(field));
    }

    @Test
    void everySignedFieldPresentAndRepeatedFieldsAreSignedAndVerify() {
        byte[] message = messageWithEverySignedField();
        String field = signer.sign(message, DOMAIN, SELECTOR, keys.privateKey());
        assertEquals(
                "from:from:to:to:cc:subject:date:message-id:mime-version:content-type:"
                        + "content-transfer-encoding:reply-to",
                tag(field, "h").replaceAll("\\s", ""));
        Verdict verdict = verify(prepend(field, message));
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void aMessageWithoutBodyVerifies() {
        Verdict headersOnly = verify(signed(TestMessages.ascii(TestMessages.HEADERS)));
        assertTrue(headersOnly.verified(), headersOnly.output());
        Verdict emptyBody = verify(signed(TestMessages.ascii(TestMessages.HEADERS + "\r\n")));
        assertTrue(emptyBody.verified(), emptyBody.output());
    }

    @Test
    void aBodyOfBlankLinesHashesAsEmptyAsRelaxedCanonicalisationRequires() {
        // jDKIM 0.5 alone hashes CRLF here (frcCV1k9...) and every receiver fails the body hash.
        byte[] message = TestMessages.ascii(TestMessages.HEADERS + "\r\n\r\n \t\r\n\r\n");
        String field = signer.sign(message, DOMAIN, SELECTOR, keys.privateKey());
        assertEquals("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", tag(field, "bh"), "SHA-256 of nothing");
        Verdict verdict = verify(prepend(field, message));
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void aKeyReadBackFromItsStoredTextSignsVerifiableMail() {
        DkimKeyPair stored = DkimKeyPair.fromPkcs8Base64(keys.privateKeyPkcs8Base64());
        byte[] message = TestMessages.simple();
        byte[] signed = prepend(signer.sign(message, DOMAIN, SELECTOR, stored.privateKey()), message);
        Verdict verdict = PythonDkimVerifier.verify(signed, SELECTOR, DOMAIN, stored.dnsTxtValue());
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void aLargeMessageVerifies() {
        StringBuilder body = new StringBuilder();
        while (body.length() < 1024 * 1024) {
            body.append("Line ").append(body.length()).append(" of a long newsletter, with trailing space \r\n");
        }
        Verdict verdict = verify(signed(TestMessages.ascii(TestMessages.HEADERS + "\r\n" + body)));
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void utf8InASignedFieldVerifiesWhenTheDefaultCharsetIsUtf8() {
        assumeTrue(Charset.defaultCharset().equals(StandardCharsets.UTF_8), "default charset is not UTF-8");
        byte[] message = (TestMessages.HEADERS.replace("Your order", "Ihre Bestellung für Änne") + "\r\n"
                        + TestMessages.BODY)
                .getBytes(StandardCharsets.UTF_8);
        Verdict verdict = verify(prepend(signer.sign(message, DOMAIN, SELECTOR, keys.privateKey()), message));
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void aSignedFieldWhoseBytesTheDefaultCharsetCannotCarryIsRefusedRatherThanSignedWrongly() {
        // 0xFF is neither ASCII nor part of any UTF-8 sequence.
        byte[] message =
                bytes(TestMessages.HEADERS.replace("Your order", "Your order \u00ff") + "\r\n" + TestMessages.BODY);
        assumeTrue(!new String(message, Charset.defaultCharset()).contains("\u00ff"), "a Latin-1 default charset");
        DkimSigningException e = assertThrows(
                DkimSigningException.class, () -> signer.sign(message, DOMAIN, SELECTOR, keys.privateKey()));
        assertTrue(e.getMessage().contains("subject"), e.getMessage());
    }

    @Test
    void aDomainOrSelectorThatCouldBreakTheFieldIsRefused() {
        byte[] message = TestMessages.simple();
        assertThrows(
                IllegalArgumentException.class,
                () -> signer.sign(message, "example.com; l=0", SELECTOR, keys.privateKey()));
        assertThrows(
                IllegalArgumentException.class,
                () -> signer.sign(message, DOMAIN, "s1\r\nBcc: victim@example.net", keys.privateKey()));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(message, "", SELECTOR, keys.privateKey()));
    }

    @Test
    void aKeyThatIsNotRsaIsRefused() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertThrows(
                DkimSigningException.class,
                () -> signer.sign(
                        TestMessages.simple(),
                        DOMAIN,
                        SELECTOR,
                        ec.generateKeyPair().getPrivate()));
    }

    private byte[] signed(byte[] message) {
        return prepend(signer.sign(message, DOMAIN, SELECTOR, keys.privateKey()), message);
    }

    private static Verdict verify(byte[] message) {
        return PythonDkimVerifier.verify(message, SELECTOR, DOMAIN, keys.dnsTxtValue());
    }

    private static byte[] messageWithEverySignedField() {
        return TestMessages.ascii(TestMessages.HEADERS
                + "To: Bob <bob@example.net>\r\n"
                + "Cc: Orders <orders@shop.example.com>\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "Reply-To: Service <service@shop.example.com>\r\n"
                + "\r\n" + TestMessages.BODY);
    }

    /** A tag's value with folding removed. */
    private static String tag(String field, String name) {
        Matcher m = Pattern.compile("[\\s;]" + name + "=([^;]*);").matcher(field);
        assertTrue(m.find(), name + "= missing in " + field);
        return m.group(1).replaceAll("\\r\\n[\\t ]", "").trim();
    }
}
