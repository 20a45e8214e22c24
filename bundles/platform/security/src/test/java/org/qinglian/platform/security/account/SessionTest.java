package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.testing.TestDatabase;

/** Sessions: idle and absolute timeouts, recorded use, logout, ending all of a user's sessions. */
public class SessionTest extends AccountsTestCase {

    private UUID alice;
    private LoginResult login;

    @Before
    public void signIn() {
        alice = user("alice", PASSWORD, DISTRICT, "supervisor");
        login = accounts.login("alice", PASSWORD, "10.0.0.1");
        assertTrue(login.ok());
        audit.clear();
    }

    private Instant lastSeen() {
        return TestDatabase.value(OffsetDateTime.class, "select last_seen_at from pf_session").toInstant();
    }

    @Test
    public void aValidSessionTellsItsUserCsrfTokenAndPendingPasswordChange() {
        Optional<SessionInfo> s = accounts.session(login.sessionId(), "10.0.0.1");
        assertTrue(s.isPresent());
        assertEquals(alice, s.get().userId());
        assertEquals(login.csrfToken(), s.get().csrfToken());
        assertTrue(s.get().mustChangePassword());
        assertEquals(T0.plus(Duration.ofHours(12)), s.get().expiresAt());
        assertFalse(s.get().toString().contains(login.csrfToken()));
    }

    @Test
    public void unknownOrMalformedSessionIdsAreNotSessions() {
        assertTrue(accounts.session(null, "10.0.0.1").isEmpty());
        assertTrue(accounts.session("", "10.0.0.1").isEmpty());
        assertTrue(accounts.session(Secrets.random256(), "10.0.0.1").isEmpty());
        // the stored hash is not a key that opens the session
        assertTrue(accounts.session(Secrets.sha256Hex(login.sessionId()), "10.0.0.1").isEmpty());
        assertTrue(accounts.session("x".repeat(10_000), "10.0.0.1").isEmpty());
    }

    @Test
    public void useIsRecordedAtMostOnceAMinute() {
        clock.advance(Duration.ofSeconds(59));
        assertTrue(accounts.session(login.sessionId(), "10.0.0.9").isPresent());
        assertEquals(T0, lastSeen());
        assertEquals("10.0.0.1", TestDatabase.value("select client_address from pf_session"));
        Instant later = clock.advance(Duration.ofSeconds(1));
        assertTrue(accounts.session(login.sessionId(), "10.0.0.9").isPresent());
        assertEquals(later, lastSeen());
        assertEquals("10.0.0.9", TestDatabase.value("select client_address from pf_session"));
    }

    @Test
    public void aSessionUnusedForTheIdleTimeoutEnds() {
        clock.advance(Duration.ofMinutes(29));
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isPresent());
        // used at 29 minutes: valid until 59
        clock.advance(Duration.ofMinutes(29));
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isEmpty());
        // and stays ended
        clock.advance(Duration.ofSeconds(1));
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isEmpty());
    }

    @Test
    public void theIdleTimeoutIsConfigured() {
        AccountServiceImpl shortIdle = new AccountServiceImpl(jpa, clock, HASHER, audit, security, 5, 12);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertTrue(shortIdle.session(login.sessionId(), "10.0.0.1").isPresent());
        clock.advance(Duration.ofMinutes(5));
        assertTrue(shortIdle.session(login.sessionId(), "10.0.0.1").isEmpty());
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isPresent());
    }

    @Test
    public void anActiveSessionEndsAtTheAbsoluteTimeout() {
        Instant end = T0.plus(Duration.ofHours(12));
        while (clock.now().plus(Duration.ofMinutes(20)).isBefore(end)) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(clock.now().toString(), accounts.session(login.sessionId(), "10.0.0.1").isPresent());
        }
        clock.set(end.minusMillis(1));
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isPresent());
        clock.set(end);
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isEmpty());
    }

    @Test
    public void aShorterAbsoluteTimeoutAppliesToOpenSessionsToo() {
        AccountServiceImpl twoHours = new AccountServiceImpl(jpa, clock, HASHER, audit, security, 300, 2);
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertEquals(T0.plus(Duration.ofHours(2)), twoHours.session(login.sessionId(), "10.0.0.1").get().expiresAt());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(twoHours.session(login.sessionId(), "10.0.0.1").isEmpty());
    }

    @Test
    public void logoutEndsTheSessionAndIsAudited() {
        LoginResult other = accounts.login("alice", PASSWORD, "10.0.0.2");
        audit.clear();
        accounts.logout(login.sessionId());
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isEmpty());
        assertTrue(accounts.session(other.sessionId(), "10.0.0.2").isPresent());
        assertEquals(T0, TestDatabase.value(OffsetDateTime.class, "select revoked_at from pf_session where id_hash = ?",
                Secrets.sha256Hex(login.sessionId())).toInstant());
        assertEquals(List.of("auth.logout"), audit.actions());
        assertEquals(alice.toString(), audit.inTransaction.get(0).getRecordId());
        // logging out again, or with nonsense, changes nothing
        accounts.logout(login.sessionId());
        accounts.logout("nonsense");
        accounts.logout(null);
        assertEquals(List.of("auth.logout"), audit.actions());
    }

    @Test
    public void endSessionsEndsEveryOneOfTheUser() {
        LoginResult other = accounts.login("alice", PASSWORD, "10.0.0.2");
        UUID bob = user("bob", PASSWORD, DISTRICT, "supervisor");
        LoginResult bobs = accounts.login("bob", PASSWORD, "10.0.0.3");
        audit.clear();
        accounts.endSessions(alice);
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isEmpty());
        assertTrue(accounts.session(other.sessionId(), "10.0.0.2").isEmpty());
        assertTrue(accounts.session(bobs.sessionId(), "10.0.0.3").isPresent());
        assertEquals(List.of("auth.sessions-end"), audit.actions());
        assertEquals("sessions=2", audit.inTransaction.get(0).getDetail());
        assertNotNull(bob);
        UUID nobody = UUID.randomUUID();
        Problems.assertNotFound(() -> accounts.endSessions(nobody), "user", nobody);
    }

    @Test
    public void endedSessionsOfAUserAreClearedAtTheirNextLogin() {
        accounts.logout(login.sessionId());
        LoginResult other = accounts.login("alice", PASSWORD, "10.0.0.2");
        clock.advance(Duration.ofHours(1));
        accounts.login("alice", PASSWORD, "10.0.0.2");
        // the revoked one and the idle one are gone, the new one stays
        assertEquals(1L, TestDatabase.value("select count(*) from pf_session"));
        assertTrue(accounts.session(other.sessionId(), "10.0.0.2").isEmpty());
    }

    @Test
    public void aDeletedUsersSessionsAreNoSessions() {
        TestDatabase.update("update pf_user set deleted_at = now() where username = 'alice'");
        assertTrue(accounts.session(login.sessionId(), "10.0.0.1").isEmpty());
    }
}
