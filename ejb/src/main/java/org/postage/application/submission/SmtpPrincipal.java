package org.postage.application.submission;

/**
 * Who is sending on an authenticated SMTP session: the credential's username, its account, and how it wants
 * submission errors answered. Carried by the resource adapter as {@code accountId:username[:refuse]}, so that
 * each SMTP phase knows them without a lookup; a change to the credential applies from its next AUTH.
 */
public record SmtpPrincipal(long accountId, String username, boolean refuseInSession) {

    private static final String REFUSE = ":refuse";

    public static SmtpPrincipal parse(String principal) {
        if (principal == null) {
            return null;
        }
        boolean refuse = principal.endsWith(REFUSE);
        String rest = refuse ? principal.substring(0, principal.length() - REFUSE.length()) : principal;
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("malformed SMTP principal: " + principal);
        }
        return new SmtpPrincipal(Long.parseLong(rest.substring(0, colon)), rest.substring(colon + 1), refuse);
    }

    public String format() {
        return accountId + ":" + username + (refuseInSession ? REFUSE : "");
    }
}
