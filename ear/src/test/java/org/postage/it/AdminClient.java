package org.postage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The admin REST API as an operator's script would call it. */
final class AdminClient {

    record Answer(int status, String contentType, String body) {
        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }
    }

    record Credential(String username, String password) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String password;
    private final String authorization;

    AdminClient(String base, String user, String password) {
        this.base = base;
        this.password = password;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    AdminClient as(String user, String password) {
        return new AdminClient(base, user, password);
    }

    String password() {
        return password;
    }

    long createAccount(String name) {
        Answer a = post("/api/admin/accounts", "{\"name\":\"" + name + "\"}");
        check(a, 201);
        return a.json().getJsonNumber("id").longValue();
    }

    Credential issueCredential(long accountId) {
        Answer a = post("/api/admin/accounts/" + accountId + "/smtp-credentials", "");
        check(a, 201);
        return new Credential(a.json().getString("username"), a.json().getString("password"));
    }

    /** Sets the account's per-recipient limits; 0 means no limit. */
    void setLimits(long accountId, int perMinute, int perHour) {
        check(
                send(
                        "PUT",
                        "/api/admin/accounts/" + accountId + "/limits",
                        "{\"per_recipient_per_minute\": " + perMinute + ", \"per_recipient_per_hour\": " + perHour
                                + "}"),
                200);
    }

    /**
     * A fresh account that may send as {@code address}: its domain added without a DNS check, the address a sender
     * the operator vouched for.
     */
    long accountSendingAs(String name, String address) {
        long account = createAccount(name);
        addDomain(account, address.substring(address.indexOf('@') + 1), true);
        addVerifiedSender(account, address);
        return account;
    }

    /** Adds a sender the operator vouches for (no verification mail), or does nothing if the account has it. */
    void addVerifiedSender(long accountId, String address) {
        Answer a = post(
                "/api/admin/accounts/" + accountId + "/senders",
                "{\"email_address\":\"" + address + "\",\"verified\":true}");
        if (a.status() != 409) {
            check(a, 201);
        }
    }

    /** Adds a sender that must follow its verification link; answers the sender as the API shows it. */
    JsonObject addSender(long accountId, String address) {
        Answer a = post("/api/admin/accounts/" + accountId + "/senders", "{\"email_address\":\"" + address + "\"}");
        check(a, 201);
        return a.json();
    }

    /** Adds a sending domain; the answer holds its DKIM key record and the other records to publish. */
    JsonObject addDomain(long accountId, String domain, boolean skipDnsCheck) {
        Answer a = post(
                "/api/admin/accounts/" + accountId + "/domains",
                "{\"name\":\"" + domain + "\",\"skip_dns_check\":" + skipDnsCheck + "}");
        check(a, 201);
        return a.json();
    }

    void revoke(String username) {
        check(send("DELETE", "/api/admin/smtp-credentials/" + username, null), 204);
    }

    Answer message(String queueId) {
        return get("/api/admin/messages/" + queueId);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String body) {
        return send("POST", path, body);
    }

    Answer send(String method, String path, String body) {
        return sendWithOrigin(method, path, body, null);
    }

    /** As a browser sends it, with an Origin header (none when null). */
    Answer sendWithOrigin(String method, String path, String body, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Answer a, int expected) {
        if (a.status() != expected) {
            throw new AssertionError("expected HTTP " + expected + " but got " + a.status() + ": " + a.body());
        }
    }
}
