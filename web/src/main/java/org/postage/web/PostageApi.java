package org.postage.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class PostageApi extends Application {

    /**
     * Whether a path under /api (as {@code UriInfo.getPath()} gives it) is the admin API, whose bodies are JSON;
     * the pages under it take HTML forms.
     */
    public static boolean isAdminApi(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals("admin") || relative.startsWith("admin/");
    }
}
