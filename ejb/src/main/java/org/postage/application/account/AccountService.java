package org.postage.application.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.postage.application.ratelimit.AccountLimitsChanged;
import org.postage.application.ratelimit.RecipientRateLimiter;
import org.postage.domain.account.Account;
import org.postage.domain.account.AccountRepository;
import org.postage.domain.ratelimit.RateLimits;

@ApplicationScoped
public class AccountService {

    /** An account as the admin API shows it, with the limits in force (its own or the operator's defaults). */
    public record AccountView(
            long id, String name, Instant createdAt, int perRecipientPerMinute, int perRecipientPerHour) {}

    @Inject
    AccountRepository accounts;

    @Inject
    RecipientRateLimiter rateLimiter;

    @Inject
    Clock clock;

    @Inject
    Event<AccountLimitsChanged> limitsChanged;

    @Transactional
    public AccountView create(String name) {
        return view(accounts.add(new Account(name, clock.instant())));
    }

    @Transactional
    public AccountView find(long id) {
        return view(accounts.find(id).orElseThrow(() -> new UnknownAccountException(id)));
    }

    @Transactional
    public AccountView setRateLimits(long id, RateLimits limits) {
        Account account = accounts.find(id).orElseThrow(() -> new UnknownAccountException(id));
        account.setRateLimits(limits);
        limitsChanged.fire(new AccountLimitsChanged(id));
        return view(account);
    }

    private AccountView view(Account a) {
        RateLimits limits = a.rateLimits(rateLimiter.defaults());
        return new AccountView(a.getId(), a.getName(), a.getCreatedAt(), limits.perMinute(), limits.perHour());
    }
}
