package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postage.infrastructure.dns.TinyDnsServer;

/**
 * Sending domains through the admin API, checked against a DNS server in the test JVM: what to publish, each
 * missing record named by the check, a domain that publishes all four authenticated, and a DNS error that keeps
 * the last verdict.
 */
class SendingDomainsIT {

    private static TinyDnsServer dns;
    private static PostageServer server;
    private static AdminClient admin;
    private static long account;

    @BeforeAll
    static void start() throws Exception {
        dns = new TinyDnsServer();
        server = new PostageServer("domains", FreePorts.next())
                .with("POSTAGE_DNS_RESOLVER", dns.address())
                .with("POSTAGE_DNS_TIMEOUT_MS", "500")
                .with("POSTAGE_DNS_SPF_INCLUDE", "include:spf.postage.test")
                .with("POSTAGE_DNS_RETURN_PATH_LABEL", "pm-bounces")
                .with("POSTAGE_DNS_BOUNCE_HOST", "bounces.postage.test")
                .start();
        admin = server.admin();
        account = admin.createAccount("Domains");
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, dns);
    }

    @Test
    void anAddedDomainShowsTheFourRecordsToPublishAndNeverItsPrivateKey() {
        AdminClient.Answer added =
                admin.post("/api/admin/accounts/" + account + "/domains", "{\"name\": \"News.Example\"}");
        assertEquals(201, added.status(), added.body());
        JsonObject domain = added.json();
        assertEquals("news.example", domain.getString("name"));
        assertFalse(domain.getBoolean("authenticated"), "not checked yet");
        JsonArray records = domain.getJsonArray("records_to_publish");
        assertEquals(
                List.of("SPF", "DKIM", "DMARC", "RETURN_PATH"),
                records.stream().map(r -> r.asJsonObject().getString("kind")).toList());
        JsonObject dkim = records.getJsonObject(1);
        assertEquals(domain.getString("dkim_selector") + "._domainkey.news.example", dkim.getString("name"));
        assertTrue(dkim.getString("value").startsWith("v=DKIM1; k=rsa; p=MII"), dkim.toString());
        assertEquals(
                "v=spf1 include:spf.postage.test ~all", records.getJsonObject(0).getString("value"));
        assertEquals("pm-bounces.news.example", records.getJsonObject(3).getString("name"));
        assertEquals("bounces.postage.test", records.getJsonObject(3).getString("value"));
        assertFalse(added.body().toLowerCase().contains("private"), added.body());

        AdminClient.Answer read = admin.get("/api/admin/domains/news.example");
        assertEquals(200, read.status(), read.body());
        assertEquals(
                dkim.getString("value"),
                read.json().getJsonArray("records_to_publish").getJsonObject(1).getString("value"));
    }

    @Test
    void badRequestsAreProblemsWithReasons() {
        AdminClient.Answer badName =
                admin.post("/api/admin/accounts/" + account + "/domains", "{\"name\": \"not a domain\"}");
        assertEquals(400, badName.status(), badName.body());
        assertTrue(badName.contentType().startsWith("application/problem+json"), badName.contentType());
        assertTrue(badName.json().getString("detail").contains("domain name"), badName.body());

        AdminClient.Answer noAccount = admin.post("/api/admin/accounts/999999/domains", "{\"name\": \"x.example\"}");
        assertEquals(404, noAccount.status(), noAccount.body());

        admin.addDomain(account, "twice.example", true);
        AdminClient.Answer twice =
                admin.post("/api/admin/accounts/" + account + "/domains", "{\"name\": \"twice.example\"}");
        assertEquals(409, twice.status(), twice.body());
        assertTrue(twice.json().getString("detail").contains("twice.example"), twice.body());

        assertEquals(404, admin.get("/api/admin/domains/unknown.example").status());
        assertEquals(
                404, admin.post("/api/admin/domains/unknown.example/check", "").status());
    }

    @Test
    void aDomainAddedWithoutTheDnsCheckIsAuthenticatedAtOnce() {
        assertTrue(admin.addDomain(account, "trusted.example", true).getBoolean("authenticated"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SPF", "DKIM", "DMARC", "RETURN_PATH"})
    void theCheckNamesTheOneRecordThatIsMissing(String missing) {
        String name = "missing-" + missing.toLowerCase().replace('_', '-') + ".example";
        publishAllBut(admin.addDomain(account, name, false), missing);

        JsonObject checked = check(name);
        assertFalse(checked.getBoolean("authenticated"), checked.toString());
        for (JsonValue v : checked.getJsonArray("checks")) {
            JsonObject c = v.asJsonObject();
            if (c.getString("kind").equals(missing)) {
                assertEquals("FAIL", c.getString("outcome"), c.toString());
                assertTrue(c.getString("reason").startsWith("No "), c.toString());
            } else {
                assertEquals("PASS", c.getString("outcome"), c.toString());
            }
        }
        assertEquals(
                checked.getJsonArray("checks"),
                admin.get("/api/admin/domains/" + name).json().getJsonArray("checks"),
                "the result is stored");
    }

    @Test
    void aDomainThatPublishesAllFourRecordsIsAuthenticated() {
        publishAllBut(admin.addDomain(account, "complete.example", false), null);
        JsonObject checked = check("complete.example");
        assertTrue(checked.getBoolean("authenticated"), checked.toString());
        assertEquals(4, checked.getJsonArray("checks").size());
        assertTrue(checked.containsKey("checked_at"), checked.toString());
    }

    @Test
    void aDnsTimeoutOrServfailKeepsTheLastVerdictAndTheApiSaysDnsCouldNotBeReached() {
        JsonObject added = admin.addDomain(account, "flaky.example", false);
        publishAllBut(added, null);
        assertTrue(check("flaky.example").getBoolean("authenticated"));
        String dkimHost =
                added.getJsonArray("records_to_publish").getJsonObject(1).getString("name");
        String dmarcHost =
                added.getJsonArray("records_to_publish").getJsonObject(2).getString("name");
        dns.silent(dkimHost).servfail(dmarcHost);
        try {
            JsonObject checked = check("flaky.example");
            assertTrue(checked.getBoolean("authenticated"), "DNS errors are not missing records: " + checked);
            JsonArray checks = checked.getJsonArray("checks");
            JsonObject dkim = checks.getJsonObject(1);
            assertEquals("PASS", dkim.getString("outcome"), dkim.toString());
            assertTrue(dkim.getString("dns_error").contains("timed out"), dkim.toString());
            assertTrue(dkim.containsKey("dns_error_at"), dkim.toString());
            JsonObject dmarc = checks.getJsonObject(2);
            assertEquals("PASS", dmarc.getString("outcome"), dmarc.toString());
            assertTrue(dmarc.getString("dns_error").contains("SERVFAIL"), dmarc.toString());
            assertFalse(checks.getJsonObject(0).containsKey("dns_error"), "SPF was answered: " + checks);
            assertEquals(
                    checks, admin.get("/api/admin/domains/flaky.example").json().getJsonArray("checks"));
        } finally {
            dns.heal(dkimHost).heal(dmarcHost);
        }
        JsonObject answered = check("flaky.example");
        assertTrue(
                answered.getJsonArray("checks").stream()
                        .noneMatch(c -> c.asJsonObject().containsKey("dns_error")),
                answered.toString());
    }

    private static JsonObject check(String name) {
        AdminClient.Answer a = admin.post("/api/admin/domains/" + name + "/check", "");
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    /** Publishes what the API asked for, TXT values cut into 255-byte strings, leaving one kind out. */
    private static void publishAllBut(JsonObject domain, String left) {
        for (JsonValue v : domain.getJsonArray("records_to_publish")) {
            JsonObject r = v.asJsonObject();
            if (r.getString("kind").equals(left)) {
                continue;
            }
            if (r.getString("type").equals("TXT")) {
                dns.longTxt(r.getString("name"), r.getString("value"));
            } else {
                dns.cname(r.getString("name"), r.getString("value"));
            }
        }
    }
}
