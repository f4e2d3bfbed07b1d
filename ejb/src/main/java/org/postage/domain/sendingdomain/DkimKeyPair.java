package org.postage.domain.sendingdomain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The RSA key pair a sending domain signs with. Only the private key is stored (PKCS#8, base64 text); the public key
 * is derived from it, so the database never holds two halves that could disagree.
 */
public record DkimKeyPair(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {

    /** RFC 8301: verifiers must accept 1024 to 4096 bits; 2048 is what receivers expect today. */
    public static final int GENERATED_BITS = 2048;
    /** RFC 8301 3.2: signatures with smaller keys are not valid. */
    static final int MINIMUM_BITS = 1024;

    public DkimKeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!privateKey.getModulus().equals(publicKey.getModulus())) {
            throw new IllegalArgumentException("the public key does not belong to the private key");
        }
    }

    public static DkimKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(GENERATED_BITS, RSAKeyGenParameterSpec.F4));
            KeyPair pair = generator.generateKeyPair();
            return new DkimKeyPair((RSAPrivateCrtKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is part of every Java 17 runtime", e);
        }
    }

    /**
     * @param pkcs8Base64 what {@link #privateKeyPkcs8Base64()} returned; line breaks are tolerated, so the body of
     *                    a {@code BEGIN PRIVATE KEY} PEM block works too
     * @throws IllegalArgumentException if the text is not an unencrypted PKCS#8 RSA key of at least 1024 bits
     */
    public static DkimKeyPair fromPkcs8Base64(String pkcs8Base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(Objects.requireNonNull(pkcs8Base64, "pkcs8Base64"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a DKIM private key must be PKCS#8 in base64: " + e.getMessage(), e);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            // Every RSA key Java generates or reads from PKCS#8 carries its public exponent (the CRT form).
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("the DKIM private key lacks its public exponent (not RSA CRT)");
            }
            if (crt.getModulus().bitLength() < MINIMUM_BITS) {
                throw new IllegalArgumentException("a DKIM key must have at least " + MINIMUM_BITS + " bits, this has "
                        + crt.getModulus().bitLength());
            }
            RSAPublicKey pub =
                    (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new DkimKeyPair(crt, pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key: " + e.getMessage(), e);
        }
    }

    /** The private key as the database keeps it: PKCS#8 DER in base64, one line. */
    public String privateKeyPkcs8Base64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    /** The {@code p=} value: the SubjectPublicKeyInfo DER in base64, as OpenSSL and every DKIM verifier read it. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The TXT value to publish at {@code <selector>._domainkey.<domain>}. */
    public String dnsTxtValue() {
        return dnsTxtValue(publicKeyBase64());
    }

    /** The TXT value for a public key already in base64 (what {@link #publicKeyBase64()} returns). */
    public static String dnsTxtValue(String publicKeyBase64) {
        return "v=DKIM1; k=rsa; p=" + publicKeyBase64;
    }

    public int bits() {
        return publicKey.getModulus().bitLength();
    }

    /** Never the key material: records print their components, and this one would end up in a log. */
    @Override
    public String toString() {
        String p = publicKeyBase64();
        return "DkimKeyPair[rsa " + bits() + " bits, p=..." + p.substring(p.length() - 12) + "]";
    }
}
