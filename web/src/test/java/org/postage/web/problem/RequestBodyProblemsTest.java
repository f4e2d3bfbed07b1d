package org.postage.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postage.web.JsonbConfigResolver;
import org.postage.web.admin.CredentialSettings;
import org.postage.web.admin.LimitsChange;
import org.postage.web.admin.NewAccount;
import org.postage.web.admin.NewDomain;
import org.postage.web.admin.NewSender;

/**
 * What a client that sends a bad body is told: the real records bound by Yasson with the server's configuration,
 * checked by Hibernate Validator, and the failure mapped as the server maps it.
 */
class RequestBodyProblemsTest {

    private static final Jsonb JSONB = JsonbBuilder.create(JsonbConfigResolver.config());
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void brokenJsonIsNamedAsSuchWithWhereItBreaks() {
        String detail = problem("{\"name\": ", NewAccount.class);
        assertTrue(detail.startsWith("The request body is not valid JSON: Invalid token=EOF at (line no=1,"), detail);
        assertTrue(problem("{\"name\": 'x'}", NewAccount.class).startsWith("The request body is not valid JSON"));
    }

    @Test
    void aBodyThatIsNoObjectIsToldToBeOne() {
        for (String notAnObject : List.of("[]", "\"x\"", "42", "true")) {
            assertEquals(
                    "The request body must be a JSON object with the fields this request takes",
                    problem(notAnObject, NewAccount.class),
                    notAnObject);
        }
    }

    @Test
    void aValueOfTheWrongJsonTypeNamesTheFieldAndTheTypeItNeeds() {
        assertEquals("Field 'name' must be a string", problem("{\"name\": 42}", NewAccount.class));
        assertEquals("Field 'name' must be a string", problem("{\"name\": {\"first\": \"x\"}}", NewAccount.class));
        assertEquals(
                "Field 'refuse_in_session' must be true or false",
                problem("{\"refuse_in_session\": 1}", CredentialSettings.class));
        assertEquals(
                "Field 'verified' must be true or false",
                problem("{\"email_address\": \"a@b.example\", \"verified\": \"true\"}", NewSender.class));
        assertEquals(
                "Field 'allowed_senders' must be an array of strings",
                problem("{\"allowed_senders\": \"a@b.example\"}", CredentialSettings.class));
        assertEquals(
                "Field 'allowed_senders' must be an array of strings",
                problem("{\"allowed_senders\": [\"a@b.example\", null]}", CredentialSettings.class));
    }

    @Test
    void numbersAreWholeAndNeverWrapAround() {
        String limits = "{\"per_recipient_per_minute\": %s, \"per_recipient_per_hour\": 0}";
        assertEquals(
                "Field 'per_recipient_per_minute' must be a whole number from -9223372036854775808 to"
                        + " 9223372036854775807",
                problem(limits.formatted("18446744073709551621"), LimitsChange.class),
                "2^64 + 5 must not be read as 5");
        for (String notWhole : List.of("1.5", "1e3", "\"5\"", "true")) {
            assertEquals(
                    "Field 'per_recipient_per_minute' must be a whole number",
                    problem(limits.formatted(notWhole), LimitsChange.class),
                    notWhole);
        }
        assertEquals(
                "Field 'per_recipient_per_minute' must be a whole number of 0 or more",
                problem(limits.formatted("-1"), LimitsChange.class));
        assertEquals(
                "Field 'per_recipient_per_minute' must be at most 1000000 (0 means no limit)",
                problem(limits.formatted("1000001"), LimitsChange.class));
        assertEquals(
                "Field 'per_recipient_per_hour' is required",
                problem("{\"per_recipient_per_minute\": 2}", LimitsChange.class));
        assertEquals(
                "Field 'per_recipient_per_hour' is required; Field 'per_recipient_per_minute' is required",
                problem("{}", LimitsChange.class),
                "every fault at once, in a stable order");
    }

    @Test
    void aFieldTheRequestDoesNotTakeIsRefusedNotIgnored() {
        assertEquals(
                "Field 'verfied' is not one this request takes",
                problem("{\"email_address\": \"a@b.example\", \"verfied\": true}", NewSender.class));
    }

    @Test
    void requiredAndBoundedStrings() {
        assertEquals("Field 'name' is required", problem("{}", NewAccount.class));
        assertEquals("Field 'name' is required", problem("{\"name\": null}", NewAccount.class));
        assertEquals("Field 'name' must not be blank", problem("{\"name\": \" \\t\"}", NewAccount.class));
        assertEquals(
                "Field 'name' must be at most 200 characters",
                problem("{\"name\": \"" + "x".repeat(201) + "\"}", NewAccount.class));
        assertEquals("Field 'email_address' is required", problem("{}", NewSender.class));
    }

    @Test
    void addressesAndDomainNamesFollowTheDomainsRulesAndEchoTheValue() {
        assertEquals(
                "Field 'email_address' must be an address such as orders@shop.example (a dot-atom local"
                        + " part, a domain of at least two labels), not 'not an address'",
                problem("{\"email_address\": \"not an address\"}", NewSender.class));
        assertEquals(
                "Field 'email_address' must be an address such as orders@shop.example (a dot-atom local"
                        + " part, a domain of at least two labels), not 'root@localhost'",
                problem("{\"email_address\": \"root@localhost\"}", NewSender.class),
                "@Email would take it");
        assertEquals(
                "Field 'email_address' must be at most 254 characters",
                problem("{\"email_address\": \"" + "a".repeat(250) + "@b.example\"}", NewSender.class),
                "one fault, once");
        assertEquals(
                "Field 'name' must be a domain name such as shop.example (letters, digits, hyphens; at least"
                        + " two labels; an IDN in its xn-- form), not 'not a domain'",
                problem("{\"name\": \"not a domain\"}", NewDomain.class));
        assertEquals("Field 'name' must not be blank", problem("{\"name\": \"  \"}", NewDomain.class));
        assertEquals(
                "Field 'name' must be at most 253 characters",
                problem("{\"name\": \"" + "a.".repeat(127) + "example\"}", NewDomain.class));
    }

    @Test
    void listEntriesAreNamedByTheirIndex() {
        String tooLong = "a".repeat(250) + "@b.example";
        assertEquals(
                "Field 'allowed_senders[1]' must be at most 254 characters",
                problem("{\"allowed_senders\": [\"a@b.example\", \"" + tooLong + "\"]}", CredentialSettings.class));
        String many = Arrays.stream(new String[101]).map(x -> "\"a@b.example\"").collect(Collectors.joining(","));
        assertEquals(
                "Field 'allowed_senders' may hold at most 100 entries",
                problem("{\"allowed_senders\": [" + many + "]}", CredentialSettings.class));
    }

    @Test
    void theProblemsNameFieldsAsJsonBNamesThem() {
        for (Record body : List.of(
                new NewAccount("Shop"),
                new NewSender("a@b.example", true),
                new NewDomain("b.example", true),
                new LimitsChange(1L, 2L),
                new CredentialSettings(true, List.of("a@b.example")))) {
            Set<String> expected = Arrays.stream(body.getClass().getRecordComponents())
                    .map(RecordComponent::getName)
                    .map(ValidationExceptionMapper::jsonName)
                    .collect(Collectors.toSet());
            JsonObject written =
                    Json.createReader(new StringReader(JSONB.toJson(body))).readObject();
            assertEquals(expected, written.keySet(), body.getClass().getSimpleName());
        }
    }

    /** The detail of the 400 problem the server answers, or "accepted". */
    private static String problem(String json, Class<?> type) {
        Response response;
        try {
            Object body = JSONB.fromJson(json, type);
            Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(body);
            if (violations.isEmpty()) {
                return "accepted";
            }
            response = new ValidationExceptionMapper().toResponse(new ConstraintViolationException(violations));
        } catch (JsonbException e) {
            // As RESTEasy's JSON-B reader wraps it.
            response = new JsonBindingExceptionMapper()
                    .toResponse(new ProcessingException("RESTEASY008200: JSON Binding deserialization error: " + e, e));
        }
        assertEquals(400, response.getStatus(), String.valueOf(response.getEntity()));
        return ProblemMappersTest.json(response).getString("detail");
    }
}
