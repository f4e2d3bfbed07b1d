package org.postage.application.ndr;

import java.util.Locale;

/**
 * Whether a message that broke a submission rule gets a non-delivery report. Never to the null sender (RFC 5321
 * 4.5.5), and never for a message that is itself a report or an automatic reply (RFC 3834 2, RFC 3464 1): two
 * mail systems reporting on each other's reports would loop. Stateless and thread-safe.
 */
public final class NdrPolicy {

    public NdrDecision shouldReport(String envelopeSender, byte[] rawOriginal) {
        String sender = envelopeSender == null ? "" : envelopeSender.strip();
        if (sender.isEmpty() || sender.equals("<>")) {
            return NdrDecision.suppress("null reverse-path <>: reports are never sent to the null sender");
        }
        OriginalHeaders headers = OriginalHeaders.of(rawOriginal);
        if (headers.mediaType().equals("multipart/report")) {
            String contentType = HeaderText.truncate(HeaderText.oneLine(headers.field("Content-Type")), 200);
            return NdrDecision.suppress(
                    isMailSystem(sender)
                            ? "report from a mail system <" + sender + ">: Content-Type " + contentType
                            : "message is itself a report: Content-Type " + contentType);
        }
        String autoSubmitted = headers.token("Auto-Submitted");
        if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no")) {
            return NdrDecision.suppress(
                    "automatic message: Auto-Submitted " + HeaderText.truncate(HeaderText.oneLine(autoSubmitted), 100));
        }
        return NdrDecision.send();
    }

    /** MAILER-DAEMON and postmaster send the reports of their mail systems (RFC 5321 4.5.1). */
    private static boolean isMailSystem(String sender) {
        int at = sender.lastIndexOf('@');
        String local =
                (at < 0 ? sender : sender.substring(0, at)).replace("<", "").toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon") || local.equals("postmaster");
    }
}
