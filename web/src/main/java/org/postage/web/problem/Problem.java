package org.postage.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, and the response that carries it. */
public record Problem(int status, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail) {
        return new Problem(status, title, detail).toResponse();
    }

    public static Response badRequest(String detail) {
        return response(400, "Bad request", detail);
    }

    public static Response notFound(String detail) {
        return response(404, "Not found", detail);
    }

    public Response toResponse() {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(body.build().toString())
                .build();
    }
}
