package org.postage.infrastructure.dkim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.james.jdkim.tagvalue.SignatureRecordTemplate;

/**
 * jDKIM's signature template with three changes through its extension points. Tags keep the order they were given
 * in (jDKIM's default is hash order, which puts {@code v=1} in the middle and {@code b=} anywhere). No {@code q=} is
 * added: it could only say {@code dns/txt}, which is the default. And the value of {@code b=} is emptied by tag,
 * not at the first {@code b=} anywhere in the text, which an earlier tag's value could contain.
 */
final class OrderedSignatureRecord extends SignatureRecordTemplate {

    private static final Pattern B_TAG_VALUE = Pattern.compile("(^|;)(\\s*)b=[^;]*");

    OrderedSignatureRecord(String template) {
        super(template);
    }

    @Override
    protected void init() {
        super.init();
        defaults.remove("q");
    }

    @Override
    protected Map<String, CharSequence> newTagValue() {
        return new LinkedHashMap<>();
    }

    @Override
    public String toUnsignedString() {
        return B_TAG_VALUE.matcher(toString()).replaceFirst("$1$2b=");
    }
}
