package org.postage.domain.sendingdomain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DkimKeyPairTest {

    private static DkimKeyPair keys;

    @BeforeAll
    static void generate() {
        keys = DkimKeyPair.generate();
    }

    @Test
    void aGeneratedKeyHas2048Bits() {
        assertEquals(2048, keys.bits());
        assertEquals(2048, keys.privateKey().getModulus().bitLength());
    }

    @Test
    void theStoredTextGivesBackTheSameKeyPair() {
        String stored = keys.privateKeyPkcs8Base64();
        assertTrue(stored.matches("[A-Za-z0-9+/]+=*"), "one line of base64");
        assertEquals(keys, DkimKeyPair.fromPkcs8Base64(stored));
    }

    @Test
    void pemLineBreaksInTheStoredTextAreTolerated() {
        String pemBody = keys.privateKeyPkcs8Base64().replaceAll("(.{64})", "$1\n");
        assertEquals(keys, DkimKeyPair.fromPkcs8Base64(pemBody));
    }

    @Test
    void theDnsValueCarriesThePublicKeyAsSubjectPublicKeyInfo() throws Exception {
        String txt = keys.dnsTxtValue();
        assertTrue(txt.startsWith("v=DKIM1; k=rsa; p="), txt);
        byte[] der = Base64.getDecoder().decode(txt.substring("v=DKIM1; k=rsa; p=".length()));
        RSAPublicKey decoded = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        assertEquals(keys.publicKey().getModulus(), decoded.getModulus());
        assertEquals(txt, DkimKeyPair.dnsTxtValue(keys.publicKeyBase64()));
    }

    @Test
    void textThatIsNotAnRsaKeyOfAtLeast1024BitsIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DkimKeyPair.fromPkcs8Base64("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> DkimKeyPair.fromPkcs8Base64("AAAA"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(512);
        String weak = Base64.getEncoder()
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DkimKeyPair.fromPkcs8Base64(weak));
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        String ecKey = Base64.getEncoder()
                .encodeToString(ec.generateKeyPair().getPrivate().getEncoded());
        assertThrows(IllegalArgumentException.class, () -> DkimKeyPair.fromPkcs8Base64(ecKey));
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        String s = keys.toString();
        assertTrue(s.startsWith("DkimKeyPair[rsa 2048 bits"), s);
        assertFalse(s.contains(keys.privateKey().getPrivateExponent().toString()));
        assertFalse(s.contains(keys.privateKey().getPrivateExponent().toString(16)));
        assertFalse(s.contains(keys.privateKeyPkcs8Base64().substring(40, 80)));
    }
}
