package org.postage.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postage.application.support.PublicUrl;
import org.postage.web.problem.WebApplicationExceptionMapper;

/** Requests a foreign web page makes a browser send, through RESTEasy's own dispatcher in memory. */
class SameOriginOnlyTest {

    @Path("/admin/probe")
    public static class Probe {

        @GET
        public Response read() {
            return Response.ok("read").build();
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Response write(String body) {
            return Response.ok("written").build();
        }
    }

    private static Dispatcher dispatcher;

    @BeforeAll
    static void dispatcher() {
        dispatcher = MockDispatcherFactory.createDispatcher();
        dispatcher.getRegistry().addPerRequestResource(Probe.class);
        dispatcher
                .getProviderFactory()
                .registerProviderInstance(new SameOriginOnly(new PublicUrl("https://Postage.Example.com/")));
        dispatcher.getProviderFactory().registerProvider(WebApplicationExceptionMapper.class);
    }

    @Test
    void noOriginIsAScriptOrCurlAndPasses() throws Exception {
        assertEquals(
                200,
                call(MockHttpRequest.get("/admin/probe"), null, "localhost:8080")
                        .getStatus());
        assertEquals(200, post(null, "localhost:8080").getStatus());
    }

    @Test
    void thePublicUrlsOriginPasses() throws Exception {
        assertEquals(200, post("https://postage.example.com", "10.0.0.5:8080").getStatus());
    }

    @Test
    void theRequestsOwnHostPasses() throws Exception {
        assertEquals(200, post("http://localhost:8080", "localhost:8080").getStatus());
        assertEquals(200, post("https://admin.example.net", "admin.example.net").getStatus(), "default port");
        assertEquals(200, post("http://127.0.0.1:8080", "127.0.0.1:8080").getStatus());
        // The scheme is not compared with the Host: TLS may end at a proxy in front; host and port are the server's.
        assertEquals(200, post("https://localhost:8080", "localhost:8080").getStatus());
    }

    @Test
    void anyOtherOriginIs403ProblemJsonForReadsAndWritesAlike() throws Exception {
        MockHttpResponse forged = post("https://attacker.example", "localhost:8080");
        assertEquals(403, forged.getStatus());
        assertEquals(
                "application/problem+json",
                String.valueOf(forged.getOutputHeaders().getFirst("Content-Type")));
        String body = forged.getContentAsString();
        assertTrue(
                body.contains("Requests from the web origin 'https://attacker.example' are refused: only"
                        + " https://postage.example.com and this server's own host may call this API from a browser"),
                body);
        assertFalse(body.contains("written"), body);
        assertEquals(
                403,
                call(MockHttpRequest.get("/admin/probe"), null, "localhost:8080", "https://attacker.example")
                        .getStatus());
        assertEquals(403, post("http://localhost:8081", "localhost:8080").getStatus(), "another port");
        assertEquals(403, post("http://postage.example.com", "10.0.0.5:8080").getStatus(), "another scheme");
        assertEquals(403, post("null", "localhost:8080").getStatus(), "a sandboxed or local page");
        assertEquals(
                403,
                post("http://localhost:8080.attacker.example", "localhost:8080").getStatus());
        assertEquals(403, post("not a url", "localhost:8080").getStatus());
    }

    private static MockHttpResponse post(String origin, String host) throws Exception {
        return call(
                MockHttpRequest.post("/admin/probe").contentType(MediaType.APPLICATION_JSON_TYPE),
                "{\"name\":\"Forged\"}",
                host,
                origin);
    }

    private static MockHttpResponse call(MockHttpRequest request, String body, String host, String... origin) {
        request.header("Host", host);
        if (origin.length > 0 && origin[0] != null) {
            request.header("Origin", origin[0]);
        }
        if (body != null) {
            request.content(body.getBytes(StandardCharsets.UTF_8));
        }
        MockHttpResponse response = new MockHttpResponse();
        dispatcher.invoke(request, response);
        return response;
    }
}
