package org.postage.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintDeclarationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postage.application.account.UnknownAccountException;
import org.postage.application.sender.DuplicateSenderException;
import org.postage.application.sender.NotASenderException;
import org.postage.application.sender.SenderAlreadyVerifiedException;
import org.postage.application.sender.UnknownSenderException;
import org.postage.application.sendingdomain.DuplicateDomainException;
import org.postage.application.sendingdomain.UnknownDomainException;
import org.postage.application.support.NotDoneException;
import org.postage.web.admin.NewAccount;

/** Each mapper on its own: the status, the problem+json shape and a detail a person can act on. */
class ProblemMappersTest {

    @Test
    void unknownReferencesAre404WithTheApplicationsMessage() {
        UnknownReferenceMapper mapper = new UnknownReferenceMapper();
        assertProblem(mapper.toResponse(new UnknownAccountException(7)), 404, "Not found", "No account with id 7");
        assertProblem(mapper.toResponse(new UnknownSenderException(8)), 404, "Not found", "No sender with id 8");
        assertProblem(
                mapper.toResponse(new UnknownDomainException("x.example")),
                404,
                "Not found",
                "No sending domain 'x.example'");
    }

    @Test
    void aChangeNotMadeIs503WithWhatWasLeftAndNeverTheCause() {
        Response r = new NotDoneMapper()
                .toResponse(new NotDoneException(
                        "The verification mail to a@b.example could not be queued; the sender was not added: try again",
                        new IllegalStateException("AMQ219010: Connection is destroyed")));
        assertProblem(
                r,
                503,
                "Service unavailable",
                "The verification mail to a@b.example could not be queued; the sender was not added: try again");
        assertFalse(String.valueOf(r.getEntity()).contains("AMQ"));
    }

    @Test
    void stateConflictsAre409AndAnAlreadyVerifiedSenderIsToldNoLinkIsNeeded() {
        StateConflictMapper mapper = new StateConflictMapper();
        assertProblem(
                mapper.toResponse(new DuplicateSenderException(3, "a@b.example")),
                409,
                "Conflict",
                "a@b.example is already a sender of account 3");
        assertProblem(
                mapper.toResponse(new DuplicateDomainException("b.example")),
                409,
                "Conflict",
                "The domain 'b.example' is already a sending domain");
        assertProblem(
                mapper.toResponse(new SenderAlreadyVerifiedException("a@b.example")),
                409,
                "Conflict",
                "a@b.example is verified already; no link is needed");
    }

    @Test
    void anAllowedSenderThatIsNotASenderIs400NamingTheField() {
        assertProblem(
                new NotASenderMapper().toResponse(new NotASenderException(3, "x@y.example")),
                400,
                "Bad request",
                "Field 'allowed_senders': x@y.example is not a sender of account 3; add it first"
                        + " (POST /api/admin/accounts/3/senders)");
    }

    record Body(@NotNull(message = "is required") String emailAddress) {}

    @Test
    void constraintViolationsAre400NamingTheJsonField() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        ConstraintViolationException e = new ConstraintViolationException(validator.validate(new Body(null)));
        assertProblem(
                new ValidationExceptionMapper().toResponse(e), 400, "Bad request", "Field 'email_address' is required");
    }

    @Test
    void otherValidationFailuresAreTheServersFault() {
        ValidationExceptionMapper mapper = new ValidationExceptionMapper();
        assertIncident(mapper.toResponse(new ConstraintDeclarationException("bad declaration")));
        assertIncident(mapper.toResponse(new ConstraintViolationException(Set.of())));
    }

    @Test
    void aBindingFailureIs400AndAnyOtherProcessingExceptionA500() {
        JsonBindingExceptionMapper mapper = new JsonBindingExceptionMapper();
        ProcessingException binding;
        try (var jsonb = JsonbBuilder.create()) {
            jsonb.fromJson("{\"name\": ", NewAccount.class);
            throw new AssertionError("not valid JSON");
        } catch (jakarta.json.bind.JsonbException e) {
            binding = new ProcessingException("RESTEASY008200: JSON Binding deserialization error: " + e, e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Response bad = mapper.toResponse(binding);
        assertProblem(bad, 400, "Bad request", null);
        assertTrue(
                json(bad).getString("detail").startsWith("The request body is not valid JSON: Invalid token=EOF"),
                json(bad).toString());
        assertIncident(mapper.toResponse(new ProcessingException("connection reset")));
    }

    @Test
    void unsupportedMediaTypeSaysWhichContentTypeToSend() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        assertProblem(
                mapper.toResponse(new NotSupportedException()),
                415,
                "Unsupported Media Type",
                "Send the request body as JSON, with the header 'Content-Type: application/json'");
    }

    @Test
    void routingErrorsKeepTheirStatusAndAllowHeader() {
        Response wrongMethod =
                new WebApplicationExceptionMapper().toResponse(new NotAllowedException("GET", new String[] {"POST"}));
        assertProblem(wrongMethod, 405, "Method Not Allowed", "Method Not Allowed");
        assertTrue(
                wrongMethod.getHeaderString("Allow").contains("POST"),
                wrongMethod.getHeaders().toString());
        Response problem = Problem.badRequest("already a problem");
        assertEquals(problem, new WebApplicationExceptionMapper().toResponse(new WebApplicationException(problem)));
    }

    @Test
    void anythingElseIsA500WithAnIncidentAndNoTrace() {
        assertIncident(new UnexpectedExceptionMapper().toResponse(new IllegalStateException("secret detail")));
    }

    private static void assertIncident(Response r) {
        assertProblem(r, 500, "Internal server error", null);
        String detail = json(r).getString("detail");
        assertTrue(detail.contains("incident"), detail);
        assertFalse(detail.contains("Exception"), detail);
    }

    static void assertProblem(Response r, int status, String title, String detail) {
        assertEquals(status, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, String.valueOf(r.getMediaType()));
        JsonObject p = json(r);
        assertEquals("about:blank", p.getString("type"));
        assertEquals(title, p.getString("title"));
        assertEquals(status, p.getInt("status"));
        if (detail != null) {
            assertEquals(detail, p.getString("detail"));
        }
    }

    static JsonObject json(Response r) {
        try (JsonReader reader = Json.createReader(new StringReader((String) r.getEntity()))) {
            return reader.readObject();
        }
    }
}
