package org.postage.smtp.server.command;

import java.util.Optional;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.MessageContext;

/**
 * The principal of an authenticated session, kept in subethasmtp's per-session authentication slot: that makes
 * {@code Session.isAuthenticated()} true, and it survives RSET and EHLO as AUTH must.
 */
final class AuthenticatedIdentity implements AuthenticationHandler {

    private final String principal;

    AuthenticatedIdentity(String principal) {
        this.principal = principal;
    }

    @Override
    public Optional<String> auth(String clientInput, MessageContext context) {
        throw new UnsupportedOperationException("AUTH is handled by Postage's AuthCommand");
    }

    @Override
    public String getIdentity() {
        return principal;
    }
}
