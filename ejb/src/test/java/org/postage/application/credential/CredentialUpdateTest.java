package org.postage.application.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.postage.application.sender.NotASenderException;
import org.postage.domain.account.Account;
import org.postage.domain.credential.CredentialRepository;
import org.postage.domain.credential.SmtpCredential;
import org.postage.domain.sender.Sender;
import org.postage.domain.sender.SenderRepository;

/** A credential's settings change together or not at all, against credentials and senders kept in memory. */
class CredentialUpdateTest {

    private final SmtpCredential credential;
    private final List<CredentialChanged> fired = new ArrayList<>();
    private final CredentialService service = new CredentialService();

    CredentialUpdateTest() throws ReflectiveOperationException {
        Account account = new Account("Shop", Instant.EPOCH);
        Field id = Account.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(account, 7L);
        credential = new SmtpCredential("smtp-a", "hash", account, Instant.EPOCH);
        service.credentials = new CredentialRepository() {
            @Override
            public SmtpCredential add(SmtpCredential c) {
                return c;
            }

            @Override
            public Optional<SmtpCredential> findByUsername(String username) {
                return Optional.of(credential).filter(c -> c.getUsername().equals(username));
            }
        };
        service.senders = new Senders();
        service.changes = new Fired();
    }

    @Test
    void bothSettingsChange() {
        assertTrue(service.update("smtp-a", true, List.of("Orders@Shop.Example")));
        assertTrue(credential.isRefuseInSession());
        assertEquals(Set.of("orders@shop.example"), credential.getAllowedSenders());
        assertEquals(List.of(new CredentialChanged("smtp-a")), fired, "the cached sender list is dropped");
    }

    @Test
    void aRefusedSenderListLeavesRefuseInSessionUnchangedToo() {
        assertThrows(
                NotASenderException.class,
                () -> service.update("smtp-a", true, List.of("orders@shop.example", "someone@else.example")));
        assertFalse(credential.isRefuseInSession());
        assertEquals(Set.of(), credential.getAllowedSenders());
    }

    @Test
    void aSettingLeftOutIsLeftAlone() {
        service.update("smtp-a", null, List.of("orders@shop.example"));
        assertTrue(service.update("smtp-a", true, null));
        assertEquals(Set.of("orders@shop.example"), credential.getAllowedSenders());
        assertTrue(credential.isRefuseInSession());
        assertEquals(1, fired.size(), "only a new sender list concerns the cache");
    }

    @Test
    void anUnknownCredentialIsFalse() {
        assertFalse(service.update("smtp-b", true, List.of()));
    }

    private static final class Senders implements SenderRepository {
        private final Sender orders = new Sender(7, "orders@shop.example", Instant.EPOCH);

        @Override
        public Sender add(Sender sender) {
            return sender;
        }

        @Override
        public Optional<Sender> find(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<Sender> find(long accountId, String emailAddress) {
            return Optional.of(orders)
                    .filter(s ->
                            s.getAccountId() == accountId && s.getEmailAddress().equals(emailAddress));
        }

        @Override
        public Optional<Sender> findByTokenDigest(String tokenDigest) {
            return Optional.empty();
        }

        @Override
        public List<Sender> ofAccount(long accountId) {
            return List.of(orders);
        }

        @Override
        public void remove(Sender sender) {}
    }

    /** CDI's event, as the service fires it; observers run after the transaction, here not at all. */
    private final class Fired implements Event<CredentialChanged> {
        @Override
        public void fire(CredentialChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends CredentialChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CredentialChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<CredentialChanged> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends CredentialChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CredentialChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
