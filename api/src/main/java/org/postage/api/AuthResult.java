package org.postage.api;

/**
 * The decision on an AUTH attempt.
 *
 * @param reply     235 on success; 535 for bad credentials; 454 for a temporary failure
 * @param principal on success, the identity later calls receive in {@link SmtpSession#principal()}
 */
public record AuthResult(Reply reply, String principal) implements java.io.Serializable {

    public static AuthResult accepted(String principal) {
        return new AuthResult(SmtpReplies.AUTH_OK, principal);
    }

    public static AuthResult rejected(Reply reply) {
        return new AuthResult(reply, null);
    }

    public boolean isAccepted() {
        return reply.isPositive() && principal != null;
    }
}
