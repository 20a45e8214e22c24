package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.security.account.Problems.assertInvalid;

import java.util.List;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.audit.AuditEvent.Outcome;
import org.qinglian.platform.security.account.LoginResult.Failure;
import org.qinglian.platform.testing.TestDatabase;

/** Password changes by the user: the old one must verify, the new one follow the rules. */
public class PasswordChangeTest extends AccountsTestCase {

    private static final String NEW = "battery staple 2";

    private UUID alice;
    private String before;

    @Before
    public void createUser() {
        alice = user("alice", PASSWORD, DISTRICT, "supervisor");
        before = (String) TestDatabase.value("select password_hash from pf_user where username = 'alice'");
        audit.clear();
    }

    @Test
    public void aChangeReplacesTheHashAndClearsTheForcedChange() {
        assertTrue(accounts.login("alice", PASSWORD, "10.0.0.1").mustChangePassword());
        audit.clear();
        accounts.changePassword(alice, PASSWORD, NEW);
        String after = (String) TestDatabase.value("select password_hash from pf_user where username = 'alice'");
        assertNotEquals(before, after);
        assertEquals("argon2id", TestDatabase.value("select password_algorithm from pf_user where username = 'alice'"));
        assertEquals(List.of("auth.password"), audit.actions());
        assertEquals(Outcome.SUCCESS, audit.inTransaction.get(0).getOutcome());
        assertEquals(alice.toString(), audit.inTransaction.get(0).getRecordId());
        LoginResult r = accounts.login("alice", NEW, "10.0.0.1");
        assertTrue(r.ok());
        assertFalse(r.mustChangePassword());
        assertFalse(accounts.profile(alice).mustChangePassword());
        assertEquals(Failure.BAD_CREDENTIALS, accounts.login("alice", PASSWORD, "10.0.0.1").failure());
    }

    @Test
    public void theOldPasswordMustVerify() {
        ValidationException e = assertInvalid(() -> accounts.changePassword(alice, "not my password", NEW),
                "validation.wrongPassword", "oldPassword");
        assertEquals(1, e.getViolations().size());
        assertEquals(before, TestDatabase.value("select password_hash from pf_user where username = 'alice'"));
        // the failed attempt is audited in its own transaction, the change was not made
        assertEquals(List.of(), audit.actions());
        assertEquals(Outcome.FAILURE, audit.separately("auth.password").get(0).getOutcome());
        assertInvalid(() -> accounts.changePassword(alice, null, NEW), "validation.wrongPassword", "oldPassword");
    }

    @Test
    public void theNewPasswordMustBeEightTo128CharactersAndDiffer() {
        assertInvalid(() -> accounts.changePassword(alice, PASSWORD, "short"), "validation.passwordLength",
                "newPassword");
        assertInvalid(() -> accounts.changePassword(alice, PASSWORD, "x".repeat(129)), "validation.passwordLength",
                "newPassword");
        assertInvalid(() -> accounts.changePassword(alice, PASSWORD, null), "validation.passwordLength", "newPassword");
        assertInvalid(() -> accounts.changePassword(alice, PASSWORD, PASSWORD), "validation.passwordUnchanged",
                "newPassword");
        assertEquals(before, TestDatabase.value("select password_hash from pf_user where username = 'alice'"));
        assertEquals(List.of(), audit.actions());
        accounts.changePassword(alice, PASSWORD, "x".repeat(128));
        assertTrue(accounts.login("alice", "x".repeat(128), "10.0.0.1").ok());
    }

    @Test
    public void everyFieldAtFaultIsNamedAtOnce() {
        ValidationException e = assertInvalid(() -> accounts.changePassword(alice, "not my password", "short"),
                "validation.wrongPassword", "oldPassword", "newPassword");
        assertEquals("validation.passwordLength", e.getViolations().get(1).getMessageKey());
        assertEquals(List.of(8, 128), List.of(e.getViolations().get(1).getArgs()));
    }

    @Test
    public void anUnknownUserIsNotFound() {
        UUID nobody = UUID.randomUUID();
        Problems.assertNotFound(() -> accounts.changePassword(nobody, PASSWORD, NEW), "user", nobody);
    }

    @Test
    public void anAdminsResetForcesAChangeAndEndsTheSessions() {
        LoginResult r = accounts.login("alice", PASSWORD, "10.0.0.1");
        accounts.changePassword(alice, PASSWORD, NEW);
        assertFalse(accounts.profile(alice).mustChangePassword());
        audit.clear();
        users.resetPassword(alice, "reset by admin 3");
        assertEquals(List.of("user.password-reset"), audit.actions());
        assertTrue(accounts.session(r.sessionId(), "10.0.0.1").isEmpty());
        LoginResult after = accounts.login("alice", "reset by admin 3", "10.0.0.1");
        assertTrue(after.ok());
        assertTrue(after.mustChangePassword());
        assertInvalid(() -> users.resetPassword(alice, "short"), "validation.passwordLength", "password");
    }
}
