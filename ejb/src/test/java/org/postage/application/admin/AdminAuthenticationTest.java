package org.postage.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.postage.application.credential.VerifiedPasswords;

/** The admin login's decisions, with a configured password and a throttle on a clock the test moves. */
class AdminAuthenticationTest {

    private final AtomicLong now = new AtomicLong();
    private final AdminAuthentication admin = new AdminAuthentication();

    AdminAuthenticationTest() {
        admin.adminPassword = new AdminPassword(Optional.of("right password"));
        admin.verified = new VerifiedPasswords();
        admin.throttle = new AdminLoginThrottle(3, 100, now::get);
        admin.init();
    }

    @Test
    void theRightPasswordIsAcceptedAndAWrongOneRefused() {
        assertEquals(AdminAuthentication.Outcome.Kind.ACCEPTED, kind("admin", "right password"));
        assertEquals(AdminAuthentication.Outcome.Kind.REFUSED, kind("admin", "right passwor"));
        assertEquals(AdminAuthentication.Outcome.Kind.REFUSED, kind("admin", "right password and more"));
        assertEquals(AdminAuthentication.Outcome.Kind.REFUSED, kind("root", "right password"));
        assertEquals(
                AdminAuthentication.Outcome.Kind.REFUSED,
                admin.login("192.0.2.8", "admin", null).kind(),
                "no password: a failure too, here from another address (the first has spent its 3)");
    }

    @Test
    void anAddressOverItsBudgetIsThrottledEvenWithTheRightPasswordSoThatItLearnsNothing() {
        for (int i = 0; i < 3; i++) {
            assertEquals(AdminAuthentication.Outcome.Kind.REFUSED, kind("admin", "guess " + i));
        }
        AdminAuthentication.Outcome throttled = admin.login("192.0.2.7", "admin", "right password");
        assertEquals(AdminAuthentication.Outcome.Kind.THROTTLED, throttled.kind());
        assertEquals(Duration.ofSeconds(20), throttled.retryAfter());
        assertEquals(
                AdminAuthentication.Outcome.Kind.ACCEPTED,
                admin.login("192.0.2.8", "admin", "right password").kind(),
                "another address logs in");
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertEquals(AdminAuthentication.Outcome.Kind.ACCEPTED, kind("admin", "right password"));
    }

    @Test
    void rightLoginsNeverUseUpTheBudget() {
        for (int i = 0; i < 50; i++) {
            assertEquals(AdminAuthentication.Outcome.Kind.ACCEPTED, kind("admin", "right password"));
        }
        assertEquals(AdminAuthentication.Outcome.Kind.REFUSED, kind("admin", "wrong"));
    }

    /** A singleton's default is one write lock for all callers: a slow wrong guess would hold up every request. */
    @Test
    void theBeanTakesNoContainerLock() {
        assertEquals(
                ConcurrencyManagementType.BEAN,
                AdminAuthentication.class
                        .getAnnotation(ConcurrencyManagement.class)
                        .value());
    }

    private AdminAuthentication.Outcome.Kind kind(String user, String password) {
        return admin.login("192.0.2.7", user, password).kind();
    }
}
