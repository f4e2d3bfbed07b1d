package org.postage.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postage.application.account.UnknownAccountException;
import org.postage.application.sender.DuplicateSenderException;
import org.postage.web.BodySizeLimit;
import org.postage.web.EmptyBodyIsJson;
import org.postage.web.JsonbConfigResolver;
import org.postage.web.pages.SenderVerificationPage;
import org.postage.web.problem.JsonBindingExceptionMapper;
import org.postage.web.problem.NotASenderMapper;
import org.postage.web.problem.StateConflictMapper;
import org.postage.web.problem.UnexpectedExceptionMapper;
import org.postage.web.problem.UnknownReferenceMapper;
import org.postage.web.problem.ValidationExceptionMapper;
import org.postage.web.problem.WebApplicationExceptionMapper;

/**
 * Bad input through RESTEasy's own dispatcher, in memory, with the JSON-B reader and the validation WildFly uses:
 * that each failure reaches our mapper and none RESTEasy's (text/plain) or the catch-all 500. The resources are
 * the real ones without their services, which requests refused before the method runs never reach.
 */
class BadInputThroughRestEasyTest {

    /** Resource methods that run, for what only a running method can show. */
    @Path("/admin/probe")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Probe {

        @GET
        @Path("/unknown-account")
        public Response unknownAccount() {
            throw new UnknownAccountException(9);
        }

        @GET
        @Path("/duplicate-sender")
        public Response duplicateSender() {
            throw new DuplicateSenderException(9, "a@b.example");
        }

        @POST
        @Path("/settings")
        @Consumes(MediaType.APPLICATION_JSON)
        public Response settings(@Valid CredentialSettings body) {
            return Response.ok(body == null ? "{\"body\": null}" : "{\"refuses\": " + body.refuses() + "}")
                    .build();
        }
    }

    private static Dispatcher dispatcher;

    @BeforeAll
    static void dispatcher() {
        dispatcher = MockDispatcherFactory.createDispatcher();
        dispatcher.getRegistry().addPerRequestResource(AccountsResource.class);
        dispatcher.getRegistry().addPerRequestResource(CredentialsResource.class);
        dispatcher.getRegistry().addPerRequestResource(SendersResource.class);
        dispatcher.getRegistry().addPerRequestResource(Probe.class);
        dispatcher.getRegistry().addPerRequestResource(SenderVerificationPage.class);
        for (Class<?> provider : new Class<?>[] {
            JsonbConfigResolver.class,
            BodySizeLimit.class,
            EmptyBodyIsJson.class,
            UnexpectedExceptionMapper.class,
            WebApplicationExceptionMapper.class,
            JsonBindingExceptionMapper.class,
            ValidationExceptionMapper.class,
            UnknownReferenceMapper.class,
            StateConflictMapper.class,
            NotASenderMapper.class
        }) {
            dispatcher.getProviderFactory().registerProvider(provider);
        }
    }

    @Test
    void aBodyWithoutJsonContentTypeIs415() throws Exception {
        MockHttpResponse form = call(
                MockHttpRequest.post("/admin/accounts/1/senders").contentType(MediaType.APPLICATION_FORM_URLENCODED),
                "{\"email_address\":\"a@b.example\"}");
        assertProblem(
                form,
                415,
                "Send the request body as JSON, with the header 'Content-Type: application/json'"
                        + " (this request's was 'application/x-www-form-urlencoded')");
        MockHttpResponse none =
                call(MockHttpRequest.patch("/admin/smtp-credentials/smtp-x"), "{\"refuse_in_session\": true}");
        assertProblem(none, 415, "Send the request body as JSON, with the header 'Content-Type: application/json'");
    }

    @Test
    void thePagesTakeFormsAndAreNotToldToSendJson() throws Exception {
        assertProblem(call(json(MockHttpRequest.post("/senders/verify")), "{}"), 415, "Unsupported Media Type");
    }

    @Test
    void aJsonContentTypeWithCharsetIsJson() throws Exception {
        MockHttpResponse r = call(
                MockHttpRequest.post("/admin/probe/settings").contentType("application/json; charset=utf-8"),
                "{\"refuse_in_session\": true}");
        assertEquals(200, r.getStatus(), r.getContentAsString());
        assertEquals("{\"refuses\": true}", r.getContentAsString());
    }

    @Test
    void anOptionalBodyMayBeLeftOutWithOrWithoutContentType() throws Exception {
        for (MockHttpRequest request : new MockHttpRequest[] {
            MockHttpRequest.post("/admin/probe/settings"),
            MockHttpRequest.post("/admin/probe/settings").contentType(MediaType.APPLICATION_JSON_TYPE)
        }) {
            MockHttpResponse r = call(request, "");
            assertEquals(200, r.getStatus(), r.getContentAsString());
            assertEquals("{\"body\": null}", r.getContentAsString());
        }
        // The real resource gets as far as its path: nothing was refused on the way.
        assertProblem(
                call(MockHttpRequest.post("/admin/accounts/abc/smtp-credentials"), ""),
                404,
                "No account with id 'abc'");
    }

    @Test
    void aMissingBodyIs400WithOrWithoutContentType() throws Exception {
        String detail = "The request body is empty or null; send a JSON object";
        assertProblem(call(MockHttpRequest.post("/admin/accounts"), ""), 400, detail);
        assertProblem(call(json(MockHttpRequest.post("/admin/accounts")), ""), 400, detail);
        assertProblem(call(json(MockHttpRequest.post("/admin/accounts")), "null"), 400, detail);
        assertProblem(call(json(MockHttpRequest.patch("/admin/smtp-credentials/smtp-x")), ""), 400, detail);
    }

    @Test
    void brokenOrIllTypedJsonIs400NamingTheField() throws Exception {
        MockHttpResponse broken = call(json(MockHttpRequest.post("/admin/accounts")), "{\"name\": ");
        assertEquals(400, broken.getStatus(), broken.getContentAsString());
        assertTrue(
                problem(broken).getString("detail").startsWith("The request body is not valid JSON: "),
                broken.getContentAsString());
        assertProblem(
                call(json(MockHttpRequest.post("/admin/accounts")), "[]"),
                400,
                "The request body must be a JSON object with the fields this request takes");
        assertProblem(
                call(json(MockHttpRequest.post("/admin/accounts")), "{\"name\": 42}"),
                400,
                "Field 'name' must be a string");
        assertProblem(
                call(
                        json(MockHttpRequest.put("/admin/accounts/1/limits")),
                        "{\"per_recipient_per_minute\": 18446744073709551621, \"per_recipient_per_hour\": 0}"),
                400,
                "Field 'per_recipient_per_minute' must be a whole number from -9223372036854775808 to"
                        + " 9223372036854775807");
        assertProblem(
                call(json(MockHttpRequest.post("/admin/accounts/1/senders")), "{\"emailaddress\": \"a\"}"),
                400,
                "Field 'emailaddress' is not one this request takes");
    }

    @Test
    void brokenConstraintsAre400NamingTheField() throws Exception {
        assertProblem(call(json(MockHttpRequest.post("/admin/accounts")), "{}"), 400, "Field 'name' is required");
        assertProblem(
                call(
                        json(MockHttpRequest.put("/admin/accounts/1/limits")),
                        "{\"per_recipient_per_minute\": -1, \"per_recipient_per_hour\": 0}"),
                400,
                "Field 'per_recipient_per_minute' must be a whole number of 0 or more");
        assertProblem(
                call(json(MockHttpRequest.post("/admin/accounts/1/domains")), "{\"name\": \"not a domain\"}"),
                400,
                "Field 'name' must be a domain name such as shop.example (letters, digits, hyphens; at least two"
                        + " labels; an IDN in its xn-- form), not 'not a domain'");
        assertProblem(
                call(json(MockHttpRequest.patch("/admin/smtp-credentials/smtp-x")), "{}"),
                400,
                "Send 'refuse_in_session', 'allowed_senders' or both");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        String large = "{\"name\": \"" + "x".repeat(BodySizeLimit.MAX_BYTES) + "\"}";
        assertProblem(
                call(json(MockHttpRequest.post("/admin/accounts")), large),
                400,
                "The request body is larger than 65536 bytes");
    }

    @Test
    void applicationRefusalsThrownByAMethodReachTheirMappers() throws Exception {
        assertProblem(call(MockHttpRequest.get("/admin/probe/unknown-account"), null), 404, "No account with id 9");
        assertProblem(
                call(MockHttpRequest.get("/admin/probe/duplicate-sender"), null),
                409,
                "a@b.example is already a sender of account 9");
    }

    @Test
    void aNonNumericIdIsAnUnknownOne() throws Exception {
        assertProblem(call(MockHttpRequest.get("/admin/senders/x1"), null), 404, "No sender with id 'x1'");
    }

    private static MockHttpRequest json(MockHttpRequest request) {
        return request.contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MockHttpResponse call(MockHttpRequest request, String body) {
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            request.content(bytes).header("Content-Length", String.valueOf(bytes.length));
        }
        MockHttpResponse response = new MockHttpResponse();
        dispatcher.invoke(request, response);
        return response;
    }

    private static void assertProblem(MockHttpResponse r, int status, String detail) throws Exception {
        assertEquals(status, r.getStatus(), r.getContentAsString());
        assertEquals(
                "application/problem+json", String.valueOf(r.getOutputHeaders().getFirst("Content-Type")));
        JsonObject p = problem(r);
        assertEquals(status, p.getInt("status"));
        assertEquals(detail, p.getString("detail"));
        assertFalse(r.getContentAsString().contains("Exception"), r.getContentAsString());
    }

    private static JsonObject problem(MockHttpResponse r) throws Exception {
        try (JsonReader reader = Json.createReader(new StringReader(r.getContentAsString()))) {
            return reader.readObject();
        }
    }
}
