package org.postage.application.ndr;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.postage.domain.message.QueueId;

/**
 * A non-delivery report for a message that broke submission rules: RFC 3464 delivery status in an RFC 6522
 * multipart/report, written from the null sender's point of view. The caller relays {@link #toBytes()} with
 * {@code MAIL FROM:<>} to {@link #envelopeSender()}, after {@link NdrPolicy} said yes.
 *
 * <pre>{@code
 * byte[] ndr = NonDeliveryReport.builder()
 *         .reportingHost("postage.example.com").queueId(id).envelopeSender(sender)
 *         .original(rawMessage).arrivalDate(accepted).date(now)
 *         .problem(new Problem(rule, reason, fix))
 *         .recipient(new FailedRecipient(address, SmtpReplies.RELAY_DENIED.withText(reason)))
 *         .build().toBytes();
 * }</pre>
 */
public final class NonDeliveryReport {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    private final String reportingHost;
    private final QueueId queueId;
    private final String envelopeSender;
    private final OriginalHeaders original;
    private final ZonedDateTime arrivalDate;
    private final ZonedDateTime date;
    private final List<Problem> problems;
    private final List<FailedRecipient> recipients;

    private NonDeliveryReport(Builder b) {
        this.reportingHost = require(b.reportingHost, "reportingHost");
        this.queueId = require(b.queueId, "queueId");
        this.envelopeSender = HeaderText.oneLine(require(b.envelopeSender, "envelopeSender"));
        this.original = OriginalHeaders.of(require(b.original, "original"));
        this.arrivalDate = require(b.arrivalDate, "arrivalDate");
        this.date = require(b.date, "date");
        this.problems = List.copyOf(b.problems);
        this.recipients = List.copyOf(b.recipients);
        if (!HOST_NAME.matcher(reportingHost).matches()) {
            throw new IllegalArgumentException("reportingHost is not a host name: " + reportingHost);
        }
        // RFC 5321 4.5.5: a report to the null sender could only bounce; NdrPolicy keeps such messages away.
        if (envelopeSender.isEmpty() || envelopeSender.equals("<>")) {
            throw new IllegalArgumentException("no report to the null sender");
        }
        if (problems.isEmpty() || recipients.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one problem and one failed recipient");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The report as it goes on the wire: CRLF line ends, no line over 998 octets, 8bit only if the original had it. */
    public byte[] toBytes() {
        return ReportWriter.write(this);
    }

    /** Where the report goes: the envelope sender of the original message. */
    public String envelopeSender() {
        return envelopeSender;
    }

    /** The report's own Message-ID, angle brackets included. */
    public String messageId() {
        return "<" + queueId + ".ndr@" + reportingHost + ">";
    }

    String reportingHost() {
        return reportingHost;
    }

    QueueId queueId() {
        return queueId;
    }

    OriginalHeaders original() {
        return original;
    }

    ZonedDateTime arrivalDate() {
        return arrivalDate;
    }

    ZonedDateTime date() {
        return date;
    }

    List<Problem> problems() {
        return problems;
    }

    List<FailedRecipient> recipients() {
        return recipients;
    }

    private static <T> T require(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required");
    }

    /** Collects what the report says; every setter is required except that problems and recipients add up. */
    public static final class Builder {

        private String reportingHost;
        private QueueId queueId;
        private String envelopeSender;
        private byte[] original;
        private ZonedDateTime arrivalDate;
        private ZonedDateTime date;
        private final List<Problem> problems = new ArrayList<>();
        private final List<FailedRecipient> recipients = new ArrayList<>();

        private Builder() {}

        /** This server's host name: the Reporting-MTA, and the domain of From and Message-ID. */
        public Builder reportingHost(String reportingHost) {
            this.reportingHost = reportingHost;
            return this;
        }

        public Builder queueId(QueueId queueId) {
            this.queueId = queueId;
            return this;
        }

        /** The original MAIL FROM address, without angle brackets; it becomes the report's To. */
        public Builder envelopeSender(String envelopeSender) {
            this.envelopeSender = envelopeSender;
            return this;
        }

        /** The message as accepted (CRLF line ends); only its header section is read and quoted. */
        public Builder original(byte[] rawMessage) {
            this.original = rawMessage;
            return this;
        }

        /** When the original was accepted. */
        public Builder arrivalDate(ZonedDateTime arrivalDate) {
            this.arrivalDate = arrivalDate;
            return this;
        }

        /** When the report is written: its Date field. */
        public Builder date(ZonedDateTime date) {
            this.date = date;
            return this;
        }

        public Builder problem(Problem problem) {
            problems.add(Objects.requireNonNull(problem, "problem"));
            return this;
        }

        public Builder problems(List<Problem> problems) {
            problems.forEach(this::problem);
            return this;
        }

        public Builder recipient(FailedRecipient recipient) {
            recipients.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        public Builder recipients(List<FailedRecipient> recipients) {
            recipients.forEach(this::recipient);
            return this;
        }

        /** @throws IllegalArgumentException for the null sender, a bad host name, or no problem or no recipient */
        public NonDeliveryReport build() {
            return new NonDeliveryReport(this);
        }
    }
}
