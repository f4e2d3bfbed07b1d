package org.postage.infrastructure.dkim;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.jdkim.api.Headers;

/**
 * The header fields of a raw message (RFC 5322 2.2) and where its body begins. A field keeps its exact bytes,
 * folding included: relaxed canonicalisation must see what will be sent, not a parsed and rewritten copy.
 * Only the header section is scanned; the body is never copied.
 */
final class HeaderSection implements Headers {

    /** @param name lower case, or null for a line without a colon (which no signature can name) */
    private record Field(String name, int start, int end) {
    }

    private final byte[] raw;
    private final List<Field> fields;
    private final int bodyOffset;

    private HeaderSection(byte[] raw, List<Field> fields, int bodyOffset) {
        this.raw = raw;
        this.fields = fields;
        this.bodyOffset = bodyOffset;
    }

    /** @param raw a message with CRLF line ends, as Postage accepts it */
    static HeaderSection parse(byte[] raw) {
        List<Field> fields = new ArrayList<>();
        int fieldStart = -1;
        String name = null;
        int previousLineEnd = 0;
        int pos = 0;
        while (pos < raw.length) {
            int crlf = indexOfCrlf(raw, pos);
            int lineEnd = crlf < 0 ? raw.length : crlf;
            int next = crlf < 0 ? raw.length : crlf + 2;
            if (lineEnd == pos) {
                // The empty line ends the header section; the body starts after it.
                if (fieldStart >= 0) {
                    fields.add(new Field(name, fieldStart, previousLineEnd));
                }
                return new HeaderSection(raw, fields, next);
            }
            boolean continuation = raw[pos] == ' ' || raw[pos] == '\t';
            if (!continuation || fieldStart < 0) {
                if (fieldStart >= 0) {
                    fields.add(new Field(name, fieldStart, previousLineEnd));
                }
                fieldStart = pos;
                name = nameOf(raw, pos, lineEnd);
            }
            previousLineEnd = lineEnd;
            pos = next;
        }
        if (fieldStart >= 0) {
            fields.add(new Field(name, fieldStart, previousLineEnd));
        }
        return new HeaderSection(raw, fields, raw.length);
    }

    /** Where the body starts: after the empty line, or the end of the message if it has none. */
    int bodyOffset() {
        return bodyOffset;
    }

    int count(String name) {
        int n = 0;
        for (Field f : fields) {
            if (name.equalsIgnoreCase(f.name())) {
                n++;
            }
        }
        return n;
    }

    /**
     * jDKIM turns a field back into bytes with the JVM's default charset. Plain ASCII always survives that; a field
     * with raw 8-bit bytes (allowed only with SMTPUTF8, which Postage does not offer) survives only if the default
     * charset decodes and re-encodes it unchanged, and otherwise would yield a signature no verifier accepts.
     *
     * @return the name of the first of these fields that would not survive, if any
     */
    Optional<String> firstNotSurvivingDefaultCharset(Collection<String> names) {
        Charset charset = Charset.defaultCharset();
        for (Field f : fields) {
            if (f.name() == null || !names.contains(f.name()) || isAscii(f)) {
                continue;
            }
            byte[] bytes = Arrays.copyOfRange(raw, f.start(), f.end());
            if (!Arrays.equals(bytes, new String(bytes, charset).getBytes(charset))) {
                return Optional.of(f.name());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> getFields() {
        List<String> all = new ArrayList<>(fields.size());
        fields.forEach(f -> all.add(text(f)));
        return all;
    }

    /** Top to bottom; jDKIM signs repeated fields from the bottom up, as RFC 6376 5.4.2 asks. */
    @Override
    public List<String> getFields(String name) {
        List<String> matching = new ArrayList<>(2);
        for (Field f : fields) {
            if (name.equalsIgnoreCase(f.name())) {
                matching.add(text(f));
            }
        }
        return matching;
    }

    private String text(Field f) {
        return new String(raw, f.start(), f.end() - f.start(), Charset.defaultCharset());
    }

    private boolean isAscii(Field f) {
        for (int i = f.start(); i < f.end(); i++) {
            if (raw[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String nameOf(byte[] raw, int start, int lineEnd) {
        for (int i = start; i < lineEnd; i++) {
            if (raw[i] == ':') {
                int end = i;
                // RFC 6376 3.4.2: whitespace before the colon is not part of the name.
                while (end > start && (raw[end - 1] == ' ' || raw[end - 1] == '\t')) {
                    end--;
                }
                return new String(raw, start, end - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static int indexOfCrlf(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
