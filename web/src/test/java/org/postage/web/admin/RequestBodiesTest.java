package org.postage.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.web.JsonbConfigResolver;

/** The request records as the API documents them: snake_case fields, optional ones defaulted, values checked. */
class RequestBodiesTest {

    private static final Jsonb JSONB = JsonbBuilder.create(JsonbConfigResolver.config());
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void anAccountsNameIsKeptWithoutSurroundingWhiteSpace() {
        NewAccount account = valid("{\"name\": \"  Web shop \"}", NewAccount.class);
        assertEquals("Web shop", account.name());
    }

    @Test
    void aSenderIsUnverifiedUnlessTheOperatorVouchesForIt() {
        NewSender plain = valid("{\"email_address\": \" Orders@Shop.example\"}", NewSender.class);
        assertEquals("Orders@Shop.example", plain.emailAddress());
        assertFalse(plain.vouchedFor());
        assertTrue(valid("{\"email_address\": \"orders@shop.example\", \"verified\": true}", NewSender.class)
                .vouchedFor());
    }

    @Test
    void aDomainIsCheckedInDnsUnlessTheOperatorSkipsIt() {
        NewDomain checked = valid("{\"name\": \"shop.example\"}", NewDomain.class);
        assertEquals("shop.example", checked.name());
        assertFalse(checked.skipsDnsCheck());
        assertTrue(valid("{\"name\": \"xn--bcher-kva.example\", \"skip_dns_check\": true}", NewDomain.class)
                .skipsDnsCheck());
    }

    @Test
    void limitsTakeZeroForNoneAndUpToAMillion() {
        LimitsChange limits =
                valid("{\"per_recipient_per_minute\": 0, \"per_recipient_per_hour\": 1000000}", LimitsChange.class);
        assertEquals(new RateLimits(0, 1_000_000), limits.toRateLimits());
    }

    @Test
    void credentialSettingsAreAllOptional() {
        CredentialSettings none = valid("{}", CredentialSettings.class);
        assertNull(none.refuseInSession());
        assertNull(none.allowedSenders(), "absent, which a change leaves as it is");
        assertFalse(none.refuses());
        assertEquals(List.of(), none.allowedSendersOrAll());
        CredentialSettings some = valid(
                "{\"refuse_in_session\": true, \"allowed_senders\": [\"a@b.example\"]}", CredentialSettings.class);
        assertTrue(some.refuses());
        assertEquals(List.of("a@b.example"), some.allowedSendersOrAll());
        assertEquals(
                List.of(),
                valid("{\"allowed_senders\": []}", CredentialSettings.class).allowedSenders());
    }

    @Test
    void theDomainRulesAreConstraintsThatLeaveMissingAndBlankValuesToTheOthers() {
        assertTrue(new SenderAddress.Check().isValid(null, null));
        assertTrue(new SenderAddress.Check().isValid(" ", null));
        assertFalse(new SenderAddress.Check().isValid("root@localhost", null));
        assertTrue(new DomainName.Check().isValid(null, null));
        assertFalse(new DomainName.Check().isValid("-shop.example", null));
        assertTrue(new DomainName.Check().isValid(" Shop.Example", null));
    }

    private static <T> T valid(String json, Class<T> type) {
        T body = JSONB.fromJson(json, type);
        assertEquals(
                List.of(),
                VALIDATOR.validate(body).stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage())
                        .toList(),
                json);
        return body;
    }
}
