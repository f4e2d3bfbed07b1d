package org.postage.infrastructure.relay;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message relayed byte for byte as it was accepted. Angus Mail sends only MimeMessages, but parsing one costs a
 * service lookup and a copy per message (5% of the server's CPU at 100 KiB), and a parsed message could be
 * re-encoded on the way out; the accepted bytes already have CRLF line ends, and the transport dot-stuffs them.
 */
final class RawMessage extends SMTPMessage {

    private final byte[] content;

    RawMessage(Session session, byte[] content, String envelopeSender) {
        super(session);
        this.content = content;
        setEnvelopeFrom(envelopeSender.isEmpty() ? "<>" : envelopeSender);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        out.write(content);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException, MessagingException {
        out.write(content);
    }

    @Override
    public int getSize() {
        return content.length;
    }
}
