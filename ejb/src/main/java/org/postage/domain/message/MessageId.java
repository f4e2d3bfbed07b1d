package org.postage.domain.message;

import java.util.regex.Pattern;

/** A message's id: its submission's queue id and the recipient's position, e.g. {@code 01JD2Q3R4S5T6V7W-2}. */
public record MessageId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{16}-[1-9][0-9]{0,3}");

    public MessageId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a message id: " + value);
        }
    }

    public static MessageId of(QueueId submission, int position) {
        return new MessageId(submission.value() + "-" + position);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public QueueId submission() {
        return new QueueId(value.substring(0, 16));
    }

    @Override
    public String toString() {
        return value;
    }
}
