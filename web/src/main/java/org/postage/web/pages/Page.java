package org.postage.web.pages;

import jakarta.ws.rs.core.Response;

/**
 * A small HTML page for a person who followed a link. Its URL holds a secret token, so it is never cached, never
 * sent on as a referrer, and runs no script.
 */
final class Page {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private Page() {}

    /** @param bodyHtml trusted markup; every value in it must have gone through {@link #escape} */
    static Response of(int status, String title, String bodyHtml) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " - Postage</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;"
                + "line-height:1.5}button{font-size:1rem;padding:.5rem 1.25rem}</style></head>\n<body><h1>"
                + escape(title) + "</h1>\n" + bodyHtml + "\n</body></html>\n";
        return Response.status(status)
                .type("text/html; charset=utf-8")
                .entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CSP)
                .build();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
