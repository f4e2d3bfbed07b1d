package org.postage.domain.submission;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The MIME structure rules. A message needs an HTML body (with or without a text/plain alternative); attachments must
 * be base64; inline parts and multipart/related are refused, since the SMTP service does not support inline content.
 *
 * <p>What is "the body": the root part; every alternative of a multipart/alternative that is the body; in any other
 * multipart that is the body (mixed, or an unknown subtype, which RFC 2046 5.1.3 says to treat as mixed) the first
 * child that is not {@code Content-Disposition: attachment}; in a multipart/related the first child. A text/* part in
 * a body position is body text unless it says attachment. Every other leaf is an attachment, declared or not, except a
 * part that says {@code inline}, which is refused. A message/rfc822 part is a leaf: it is not looked into.
 */
final class ContentRules {

    /** Deeper nesting than any real client produces; a bound keeps a hostile message from exhausting the stack. */
    static final int MAX_DEPTH = 20;

    private static final String INLINE_FIX =
            "Link images with https URLs, or send the file as an attachment (Content-Disposition: attachment, base64)";

    private final List<Violation> violations = new ArrayList<>();
    private final List<String> htmlBodies = new ArrayList<>();
    private final Set<String> otherBodyTypes = new HashSet<>();
    private final List<IdentifiedPart> identified = new ArrayList<>();

    /** An attachment with a Content-ID, refused later if the HTML refers to it. */
    private record IdentifiedPart(String contentId, String label) {}

    private ContentRules() {}

    static List<Violation> check(MimePart message) throws MessagingException, IOException {
        ContentRules rules = new ContentRules();
        rules.visit(message, "", true, false, 0);
        rules.checkHtmlBody();
        rules.checkCidReferences();
        return rules.violations;
    }

    private void visit(MimePart part, String path, boolean body, boolean inRelated, int depth)
            throws MessagingException, IOException {
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            if (depth >= MAX_DEPTH) {
                throw new MessagingException("multiparts nested more than " + MAX_DEPTH + " levels deep");
            }
            visitChildren(part, type, path, body, inRelated, depth);
        } else {
            visitLeaf(part, type, path, body, inRelated);
        }
    }

    private void visitChildren(MimePart part, String type, String path, boolean body, boolean inRelated, int depth)
            throws MessagingException, IOException {
        // Parsed straight from the part's bytes: no DataHandler, so no mailcap lookup and no charset decoding.
        MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
        int count = multipart.getCount();
        boolean related = type.equals("multipart/related");
        if (related && !inRelated) {
            violations.add(new Violation(
                    "content.related",
                    label(part, path, type) + " embeds inline content, such as images shown in the HTML",
                    INLINE_FIX));
        }
        boolean alternative = type.equals("multipart/alternative");
        // Inside multipart/related the first child is the root (RFC 2387 3.2, ignoring a rare start parameter).
        int bodyChild = !body ? -1 : related ? 0 : firstNonAttachment(multipart);
        for (int i = 0; i < count; i++) {
            MimePart child = (MimePart) multipart.getBodyPart(i);
            String childPath = path.isEmpty() ? String.valueOf(i + 1) : path + "." + (i + 1);
            visit(child, childPath, alternative ? body : i == bodyChild, inRelated || related, depth + 1);
        }
    }

    private void visitLeaf(MimePart part, String type, String path, boolean body, boolean inRelated)
            throws MessagingException, IOException {
        String disposition = disposition(part);
        if (body && type.startsWith("text/") && !"attachment".equals(disposition)) {
            if (type.equals("text/html")) {
                htmlBodies.add(decodedText(part));
            } else {
                otherBodyTypes.add(type);
            }
            return;
        }
        if (inRelated) {
            return; // content.related already refuses everything that hangs off the related root
        }
        if ("inline".equals(disposition)) {
            violations.add(new Violation(
                    "content.inline-part", label(part, path, type) + " has Content-Disposition: inline", INLINE_FIX));
            return;
        }
        String encoding = part.getEncoding();
        if (!"base64".equalsIgnoreCase(encoding)) {
            String named = encoding == null ? "7bit (none given)" : ReplyText.quote(encoding);
            violations.add(new Violation(
                    "content.attachment-encoding",
                    label(part, path, type) + " is an attachment with Content-Transfer-Encoding " + named
                            + "; attachments must be base64",
                    "Encode every attachment with Content-Transfer-Encoding: base64"));
        }
        String contentId = part.getContentID();
        if (contentId != null) {
            identified.add(new IdentifiedPart(CidReferences.normalise(contentId), label(part, path, type)));
        }
    }

    private void checkHtmlBody() {
        if (htmlBodies.isEmpty()) {
            String found = otherBodyTypes.isEmpty()
                    ? "no body text at all"
                    : "only "
                            + String.join(", ", otherBodyTypes.stream().sorted().toList());
            violations.add(new Violation(
                    "content.text-only",
                    "The message has no text/html body (it has " + found + ")",
                    "Send an HTML body, alone or with a text/plain alternative in multipart/alternative"));
        }
    }

    private void checkCidReferences() {
        if (identified.isEmpty()) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        htmlBodies.forEach(html -> referenced.addAll(CidReferences.in(html)));
        for (IdentifiedPart part : identified) {
            if (referenced.contains(part.contentId())) {
                violations.add(new Violation(
                        "content.inline-part",
                        part.label() + " is shown inline: the HTML refers to it as cid:"
                                + ReplyText.line(part.contentId(), ReplyText.QUOTED_LENGTH),
                        INLINE_FIX));
            }
        }
    }

    private static int firstNonAttachment(MimeMultipart multipart) throws MessagingException {
        for (int i = 0; i < multipart.getCount(); i++) {
            if (!"attachment".equals(disposition((MimePart) multipart.getBodyPart(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** "type/subtype" in lower case; RFC 2045 5.2 reads a missing or broken Content-Type as text/plain. */
    private static String baseType(MimePart part) throws MessagingException {
        String header = part.getHeader("Content-Type", null);
        if (header == null) {
            return "text/plain";
        }
        String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.indexOf('/') > 0 ? type : "text/plain";
    }

    /** The disposition type in lower case, or null; read leniently: a broken parameter list is no reason to refuse. */
    private static String disposition(MimePart part) throws MessagingException {
        String header = part.getHeader("Content-Disposition", null);
        return header == null ? null : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The body's text after transfer decoding, each byte as one character: enough to find ASCII cid: URLs without
     * trusting the declared charset.
     */
    private static String decodedText(MimePart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** "part 2 (image/png, 'logo.png')", or "the message body" for the root. */
    private static String label(MimePart part, String path, String type) {
        String name = fileName(part);
        return (path.isEmpty() ? "The message body" : "Part " + path) + " (" + ReplyText.line(type, 40)
                + (name == null ? "" : ", " + ReplyText.quote(name)) + ")";
    }

    private static String fileName(MimePart part) {
        try {
            return part.getFileName();
        } catch (MessagingException unreadable) {
            return null; // only a label: a broken filename parameter is no reason to give up
        }
    }
}
