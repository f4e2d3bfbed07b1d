package org.postage.domain.sendingdomain.dns;

import java.nio.charset.StandardCharsets;

/**
 * One record for the domain's owner to publish.
 *
 * @param name  the owner name, fully qualified, without the final dot
 * @param type  {@code TXT} or {@code CNAME}
 * @param value the text of a TXT record, whole; the target host of a CNAME, without the final dot
 */
public record DnsRecord(RecordKind kind, String name, String type, String value) {

    /** RFC 1035 3.3: one character-string holds at most 255 bytes; a 2048-bit DKIM key needs two. */
    private static final int MAX_STRING = 255;

    /**
     * The record as a line of a zone file, TXT values split into quoted strings of at most 255 bytes: what many
     * DNS consoles also expect for a DKIM key, which is longer than one string can hold.
     */
    public String zoneFileLine() {
        if (!type.equals("TXT")) {
            return name + ". IN " + type + " " + value + ".";
        }
        StringBuilder line = new StringBuilder(name).append(". IN TXT");
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i += MAX_STRING) {
            String chunk = new String(bytes, i, Math.min(MAX_STRING, bytes.length - i), StandardCharsets.US_ASCII);
            line.append(" \"")
                    .append(chunk.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return line.toString();
    }
}
