package org.postage.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postage.application.credential.CredentialService;
import org.postage.web.JsonbConfigResolver;
import org.postage.web.problem.UnexpectedExceptionMapper;

/**
 * A PATCH of a credential applies entirely or not at all: through RESTEasy's dispatcher in memory, against a service
 * whose every call is a transaction of its own (committed when it returns, nothing of it when it throws).
 */
class CredentialPatchTest {

    /** The stored settings, and the transactions that changed them. */
    static final class Credentials extends CredentialService {
        boolean refuses;
        List<String> senders = List.of();
        final List<String> transactions = new ArrayList<>();
        /** The database fails the n-th transaction (1-based); 0: none. */
        int failing;

        @Override
        public boolean update(String username, Boolean refuseInSession, List<String> allowedSenders) {
            begin("update");
            if (allowedSenders != null) {
                senders = allowedSenders;
            }
            if (refuseInSession != null) {
                refuses = refuseInSession;
            }
            return true;
        }

        private void begin(String call) {
            transactions.add(call);
            if (transactions.size() == failing) {
                throw new IllegalStateException("the database went away");
            }
        }
    }

    private final Credentials credentials = new Credentials();
    private Dispatcher dispatcher;

    @BeforeEach
    void dispatcher() {
        CredentialsResource resource = new CredentialsResource();
        resource.credentials = credentials;
        dispatcher = MockDispatcherFactory.createDispatcher();
        dispatcher.getRegistry().addSingletonResource(resource);
        dispatcher.getProviderFactory().registerProvider(JsonbConfigResolver.class);
        dispatcher.getProviderFactory().registerProvider(UnexpectedExceptionMapper.class);
    }

    @Test
    void bothFieldsChangeInOneTransaction() {
        assertEquals(204, patchBoth().getStatus());
        assertEquals(1, credentials.transactions.size(), credentials.transactions.toString());
        assertEquals(true, credentials.refuses);
        assertEquals(List.of("orders@shop.example"), credentials.senders);
    }

    @Test
    void aFailureLeavesNeitherFieldChanged() {
        patchBoth();
        int last = credentials.transactions.size();
        Credentials fresh = credentials;
        fresh.refuses = false;
        fresh.senders = List.of();
        fresh.transactions.clear();
        fresh.failing = last; // the request's last transaction fails

        assertEquals(500, patchBoth().getStatus());
        assertEquals(false, fresh.refuses);
        assertEquals(List.of(), fresh.senders, "allowed_senders must not change when refuse_in_session did not");
    }

    private MockHttpResponse patchBoth() {
        try {
            byte[] body = "{\"refuse_in_session\": true, \"allowed_senders\": [\"orders@shop.example\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            MockHttpRequest request = MockHttpRequest.patch("/admin/smtp-credentials/smtp-a")
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .content(body);
            MockHttpResponse response = new MockHttpResponse();
            dispatcher.invoke(request, response);
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
