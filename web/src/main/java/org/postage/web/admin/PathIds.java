package org.postage.web.admin;

import jakarta.ws.rs.WebApplicationException;
import org.postage.web.problem.Problem;

/** Numeric ids in admin paths: anything else names nothing, so it is a 404 like an unknown id. */
final class PathIds {

    private PathIds() {}

    /** @param what the resource, as its 404 names it: "account", "sender" */
    static long parse(String id, String what) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new WebApplicationException(Problem.notFound("No " + what + " with id '" + id + "'"));
        }
    }
}
