package org.postage.infrastructure.dkim;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.jdkim.api.Headers;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/**
 * A parsed {@link HeaderSection} as jDKIM reads header fields: each one as its exact text, folding included, without
 * its final CRLF. Relaxed canonicalisation must see what will be sent, not a parsed and rewritten copy.
 */
final class JdkimHeaders implements Headers {

    private final HeaderSection section;

    JdkimHeaders(HeaderSection section) {
        this.section = section;
    }

    int count(String name) {
        return section.named(name).size();
    }

    /**
     * jDKIM turns a field back into bytes with the JVM's default charset. Plain ASCII always survives that; a field
     * with raw 8-bit bytes (allowed only with SMTPUTF8, which Postage does not offer) survives only if the default
     * charset decodes and re-encodes it unchanged, and otherwise would yield a signature no verifier accepts.
     *
     * @param names lower case
     * @return the lower-case name of the first of these fields that would not survive, if any
     */
    Optional<String> firstNotSurvivingDefaultCharset(Collection<String> names) {
        Charset charset = Charset.defaultCharset();
        for (HeaderField f : section.fields()) {
            if (f.name() == null
                    || !f.hasEightBitBytes()
                    || !names.contains(f.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            byte[] bytes = f.bytes();
            if (!Arrays.equals(bytes, new String(bytes, charset).getBytes(charset))) {
                return Optional.of(f.name().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> getFields() {
        List<String> all = new ArrayList<>(section.fields().size());
        section.fields().forEach(f -> all.add(text(f)));
        return all;
    }

    /** Top to bottom; jDKIM signs repeated fields from the bottom up, as RFC 6376 5.4.2 asks. */
    @Override
    public List<String> getFields(String name) {
        return section.named(name).stream().map(JdkimHeaders::text).toList();
    }

    private static String text(HeaderField f) {
        return new String(f.bytes(), Charset.defaultCharset());
    }
}
