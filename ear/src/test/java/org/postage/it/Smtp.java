package org.postage.it;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** A real SMTP client (Angus Mail) set up as a legacy application would be: STARTTLS required, AUTH. */
final class Smtp {

    private Smtp() {}

    static Session session(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.trust", "*"); // the server's generated self-signed certificate
        p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "60000");
        return Session.getInstance(p);
    }

    /** Sends and answers the server's reply to the end of DATA, e.g. "250 2.0.0 Ok: queued as ...". */
    static String send(int port, AdminClient.Credential credential, MimeMessage message, Address... recipients)
            throws MessagingException {
        Session session = session(port);
        try (Transport t = session.getTransport("smtp")) {
            t.connect(credential.username(), credential.password());
            t.sendMessage(message, recipients.length == 0 ? message.getAllRecipients() : recipients);
            return ((org.eclipse.angus.mail.smtp.SMTPTransport) t)
                    .getLastServerResponse()
                    .trim();
        }
    }

    /** The queue id from a "250 2.0.0 Ok: queued as ID" reply. */
    static String queueId(String reply) {
        int at = reply.lastIndexOf(' ');
        return reply.substring(at + 1).trim();
    }
}
