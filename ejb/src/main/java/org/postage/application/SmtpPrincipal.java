package org.postage.application;

/**
 * Who is sending on an authenticated SMTP session: the credential's username and its account. Carried by the
 * resource adapter as {@code accountId:username}, so that each SMTP phase knows the account without a lookup.
 */
public record SmtpPrincipal(long accountId, String username) {

    public static SmtpPrincipal parse(String principal) {
        if (principal == null) {
            return null;
        }
        int colon = principal.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("malformed SMTP principal: " + principal);
        }
        return new SmtpPrincipal(Long.parseLong(principal.substring(0, colon)), principal.substring(colon + 1));
    }

    public String format() {
        return accountId + ":" + username;
    }
}
