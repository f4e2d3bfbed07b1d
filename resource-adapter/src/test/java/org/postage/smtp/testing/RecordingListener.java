package org.postage.smtp.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.api.SmtpSession;
import org.postage.api.SubmissionListener;

/** A listener that accepts one account, records every call, and answers what the test sets. */
public final class RecordingListener implements SubmissionListener {

    public static final String USERNAME = "alice";
    public static final String PASSWORD = "correct horse";
    public static final String PRINCIPAL = "account-42";

    public record MailCall(SmtpSession session, String reversePath, long declaredSize) {}

    public record RcptCall(SmtpSession session, String reversePath, String recipient) {}

    public record DataCall(SmtpSession session, Envelope envelope, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }

    public final List<String> authAttempts = new CopyOnWriteArrayList<>();
    public final List<MailCall> mailCalls = new CopyOnWriteArrayList<>();
    public final List<RcptCall> rcptCalls = new CopyOnWriteArrayList<>();
    public final BlockingQueue<DataCall> dataCalls = new LinkedBlockingQueue<>();
    public final BlockingQueue<SmtpSession> abandonedCalls = new LinkedBlockingQueue<>();

    public volatile Reply mailReply = SmtpReplies.SENDER_OK;
    public volatile Reply rcptReply = SmtpReplies.RECIPIENT_OK;
    public volatile Reply dataReply = SmtpReplies.QUEUED.withText("Ok: queued as Q1");
    /** Runs inside data() before it answers, e.g. to block it. */
    public volatile Runnable duringData = () -> {};
    /** Runs inside transactionAbandoned() before it returns. */
    public volatile Runnable duringAbandoned = () -> {};

    @Override
    public AuthResult authenticate(SmtpSession session, String username, String password) {
        authAttempts.add(username + ":" + password);
        return USERNAME.equals(username) && PASSWORD.equals(password)
                ? AuthResult.accepted(PRINCIPAL)
                : AuthResult.rejected(SmtpReplies.AUTH_FAILED);
    }

    @Override
    public Reply mailFrom(SmtpSession session, String reversePath, long declaredSize) {
        mailCalls.add(new MailCall(session, reversePath, declaredSize));
        return mailReply;
    }

    @Override
    public Reply rcptTo(SmtpSession session, String reversePath, String recipient) {
        rcptCalls.add(new RcptCall(session, reversePath, recipient));
        return rcptReply;
    }

    @Override
    public Reply data(SmtpSession session, Envelope envelope, byte[] content) {
        duringData.run();
        dataCalls.add(new DataCall(session, envelope, content));
        return dataReply;
    }

    @Override
    public void transactionAbandoned(SmtpSession session) {
        duringAbandoned.run();
        abandonedCalls.add(session);
    }

    /** Waits for the next data() call. */
    public DataCall awaitData() throws InterruptedException {
        DataCall call = dataCalls.poll(5, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("data() was not called within 5 s");
        }
        return call;
    }

    /** Waits for the next transactionAbandoned() call. */
    public SmtpSession awaitAbandoned() throws InterruptedException {
        SmtpSession session = abandonedCalls.poll(5, TimeUnit.SECONDS);
        if (session == null) {
            throw new AssertionError("transactionAbandoned() was not called within 5 s");
        }
        return session;
    }
}
