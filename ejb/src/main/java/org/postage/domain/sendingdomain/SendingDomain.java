package org.postage.domain.sendingdomain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.sendingdomain.dns.RecordCheck;
import org.postage.domain.sendingdomain.dns.RecordKind;

/**
 * A domain an account sends From, with the DKIM key Postage signs its mail with and the last verdict of DNS on the
 * four records it must publish. Mail From it is accepted only once it is authenticated: all four records pass, or
 * the operator chose to skip the check (a domain whose DNS Postage cannot see, or a test).
 */
@Entity
@Table(name = "sending_domain")
public class SendingDomain {

    /** The four records every sending domain publishes. */
    public static final List<RecordKind> RECORD_KINDS = List.of(RecordKind.values());

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, unique = true, length = 253)
    private String name;

    @Column(name = "dkim_selector", nullable = false, length = 63)
    private String dkimSelector;

    /** PKCS#8, base64: the secret that lets anyone sign as this domain; never leaves the server. */
    @Column(name = "dkim_private_key", nullable = false, length = 4000)
    private String dkimPrivateKey;

    @Column(name = "skip_dns_check", nullable = false)
    private boolean skipDnsCheck;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sending_domain_record", joinColumns = @JoinColumn(name = "domain_id"))
    @OrderColumn(name = "position")
    private List<DomainRecordStatus> records = new ArrayList<>();

    protected SendingDomain() {}

    public SendingDomain(
            long accountId,
            String name,
            String dkimSelector,
            String dkimPrivateKey,
            boolean skipDnsCheck,
            Instant createdAt) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a domain name: " + name);
        }
        this.accountId = accountId;
        this.name = normalise(name);
        this.dkimSelector = dkimSelector;
        this.dkimPrivateKey = dkimPrivateKey;
        this.skipDnsCheck = skipDnsCheck;
        this.createdAt = createdAt;
    }

    /** Host names are case-insensitive; Postage keeps and compares them in lower case. */
    public static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The rule of a From domain ({@link EmailAddress#isValidDomain}), after {@link #normalise}. */
    public static boolean isValidName(String name) {
        return name != null && EmailAddress.isValidDomain(normalise(name));
    }

    /**
     * Stores a check, which always judges all four records. Only an answer of DNS changes a record's verdict: a
     * record that DNS did not answer for ({@link RecordCheck.Outcome#DNS_ERROR}: timeout, SERVFAIL) keeps the verdict
     * of the last check that got an answer, marked with the error, so that a resolver outage does not take the
     * domain's authentication (and all its mail) away. With no verdict before it, the error is the verdict.
     */
    public void recordCheck(List<DomainRecordStatus> results, Instant at) {
        List<DomainRecordStatus> stored = new ArrayList<>(results.size());
        for (DomainRecordStatus result : results) {
            stored.add(
                    result.isAnswered()
                            ? result
                            : lastAnswered(result).orElse(result).keptThrough(result, at));
        }
        records.clear();
        records.addAll(stored);
        checkedAt = at;
    }

    /** Whether the last check got no answer from DNS for some record: worth asking again soon. */
    public boolean hasUnansweredRecords() {
        return records.stream().anyMatch(r -> r.getDnsError() != null);
    }

    /** The stored verdict on the same record (kind and name) that DNS answered, if there is one. */
    private Optional<DomainRecordStatus> lastAnswered(DomainRecordStatus result) {
        return records.stream()
                .filter(r -> r.isAnswered()
                        && r.getKind() == result.getKind()
                        && r.getName().equals(result.getName()))
                .findFirst();
    }

    public boolean isAuthenticated() {
        return skipDnsCheck
                || (records.size() == RECORD_KINDS.size() && records.stream().allMatch(DomainRecordStatus::passed));
    }

    /** The kinds that keep the domain from being authenticated: all four before the first check. */
    public List<RecordKind> failingRecords() {
        if (skipDnsCheck) {
            return List.of();
        }
        if (records.isEmpty()) {
            return RECORD_KINDS;
        }
        return records.stream()
                .filter(r -> !r.passed())
                .map(DomainRecordStatus::getKind)
                .toList();
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getDkimSelector() {
        return dkimSelector;
    }

    public String getDkimPrivateKey() {
        return dkimPrivateKey;
    }

    public boolean isSkipDnsCheck() {
        return skipDnsCheck;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public List<DomainRecordStatus> getRecords() {
        return List.copyOf(records);
    }
}
