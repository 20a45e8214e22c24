package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditEvent.Outcome;
import org.qinglian.platform.security.account.LoginResult.Failure;
import org.qinglian.platform.testing.TestDatabase;

/** Logins: sessions stored by hash, lockout per address and per account, audit of every attempt. */
public class LoginTest extends AccountsTestCase {

    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";

    private UUID alice;

    @Before
    public void createUser() {
        alice = user("alice", PASSWORD, DISTRICT, "supervisor");
        audit.clear();
    }

    @Test
    public void aLoginOpensASessionStoredOnlyByTheHashOfItsId() {
        LoginResult r = accounts.login("alice", PASSWORD, A);
        assertTrue(r.toString(), r.ok());
        assertNull(r.failure());
        assertEquals(alice, r.userId());
        assertTrue(r.sessionId(), r.sessionId().matches("[A-Za-z0-9_-]{43}"));
        assertTrue(r.csrfToken(), r.csrfToken().matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals(r.sessionId(), r.csrfToken());
        // a new user must change the initial password
        assertTrue(r.mustChangePassword());

        List<List<Object>> rows = TestDatabase.rows("select s.id_hash, s.csrf_token, s.client_address, s.revoked_at,"
                + " u.public_id from pf_session s join pf_user u on u.id = s.user_id");
        assertEquals(1, rows.size());
        assertEquals(Secrets.sha256Hex(r.sessionId()), rows.get(0).get(0));
        assertTrue(rows.get(0).get(0).toString().matches("[0-9a-f]{64}"));
        assertEquals(r.csrfToken(), rows.get(0).get(1));
        assertEquals(A, rows.get(0).get(2));
        assertNull(rows.get(0).get(3));
        assertEquals(alice.toString(), rows.get(0).get(4));
        // the raw id is nowhere in the table
        assertEquals(0L, TestDatabase.value("select count(*) from pf_session where id_hash = ? or csrf_token = ?"
                + " or client_address = ?", r.sessionId(), r.sessionId(), r.sessionId()));
        assertFalse(r.toString().contains(r.sessionId()));
        assertFalse(r.toString().contains(r.csrfToken()));

        assertEquals(T0, TestDatabase.value(OffsetDateTime.class, "select last_login_at from pf_user where username = 'alice'")
                .toInstant());
        assertEquals(T0.plus(Duration.ofHours(12)), TestDatabase.value(OffsetDateTime.class,
                "select expires_at from pf_session").toInstant());
        assertTrue(accounts.session(r.sessionId(), A).isPresent());
    }

    @Test
    public void everyLoginGetsANewSessionId() {
        LoginResult first = accounts.login("alice", PASSWORD, A);
        LoginResult second = accounts.login("alice", PASSWORD, A);
        assertNotEquals(first.sessionId(), second.sessionId());
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertEquals(2L, TestDatabase.value("select count(*) from pf_session"));
    }

    @Test
    public void userNamesAreMatchedRegardlessOfCaseAndSpaces() {
        assertTrue(accounts.login(" ALICE ", PASSWORD, A).ok());
    }

    @Test
    public void everyLoginIsAuditedSeparatelyNeverWithThePassword() {
        accounts.login("alice", PASSWORD, A);
        accounts.login("alice", "wrong password", A);
        accounts.login("nobody", PASSWORD, A);
        List<AuditEvent> logins = audit.separately("auth.login");
        assertEquals(3, logins.size());
        assertEquals(List.of(Outcome.SUCCESS, Outcome.FAILURE, Outcome.FAILURE),
                logins.stream().map(AuditEvent::getOutcome).toList());
        assertEquals(Arrays.asList(alice.toString(), alice.toString(), null),
                logins.stream().map(AuditEvent::getRecordId).toList());
        assertEquals(List.of("alice", "alice", "nobody"), logins.stream().map(AuditEvent::getActor).toList());
        assertTrue(logins.stream().allMatch(e -> "user".equals(e.getRecordType())));
        assertEquals("BAD_CREDENTIALS", logins.get(1).getDetail());
        for (AuditEvent e : audit.all()) {
            assertFalse(String.valueOf(e.getDetail()).contains(PASSWORD));
            assertFalse(String.valueOf(e.getDetail()).contains("wrong password"));
            assertFalse(String.valueOf(e.getActor()).contains(PASSWORD));
        }
        // nothing written in a business transaction for a login
        assertEquals(List.of(), audit.actions());
    }

    @Test
    public void aWrongPasswordIsRefusedAndCounted() {
        LoginResult r = accounts.login("alice", "wrong password", A);
        assertFalse(r.ok());
        assertEquals(Failure.BAD_CREDENTIALS, r.failure());
        assertNull(r.sessionId());
        assertNull(r.userId());
        assertEquals(0L, TestDatabase.value("select count(*) from pf_session"));
        assertEquals(List.of(List.of(A, 1)), TestDatabase.rows("select client_address, failures from pf_login_failure"));
        assertEquals(1, TestDatabase.value("select failed_count from pf_user where username = 'alice'"));
        assertEquals(Failure.BAD_CREDENTIALS, accounts.login("alice", null, A).failure());
        assertEquals(Failure.BAD_CREDENTIALS, accounts.login("alice", "", A).failure());
    }

    @Test
    public void loginCountersDoNotMakeAnAdminsEditStale() {
        long version = (Long) TestDatabase.value("select version from pf_user where username = 'alice'");
        accounts.login("alice", "wrong password", A);
        accounts.login("alice", PASSWORD, A);
        assertEquals(version, TestDatabase.value("select version from pf_user where username = 'alice'"));
    }

    @Test
    public void unknownUserNamesAreRefusedLikeWrongPasswordsAndCostTheSameHashing() {
        LoginResult r = accounts.login("nobody", PASSWORD, A);
        assertEquals(Failure.BAD_CREDENTIALS, r.failure());
        assertEquals(Failure.BAD_CREDENTIALS, accounts.login(null, PASSWORD, A).failure());
        assertEquals(Failure.BAD_CREDENTIALS, accounts.login("x".repeat(65), PASSWORD, A).failure());
        assertEquals(0L, TestDatabase.value("select count(*) from pf_login_failure"));

        long[] unknown = new long[3];
        long[] wrong = new long[3];
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            accounts.login("nobody" + i, "wrong password", "10.9.0." + i);
            unknown[i] = System.nanoTime() - start;
            start = System.nanoTime();
            accounts.login("alice", "wrong password", "10.9.1." + i);
            wrong[i] = System.nanoTime() - start;
        }
        Arrays.sort(unknown);
        Arrays.sort(wrong);
        System.out.printf("Login refused: unknown user %.1f ms, wrong password %.1f ms (medians)%n", unknown[1] / 1e6,
                wrong[1] / 1e6);
        // without the dummy hash an unknown name would answer in a fraction of the time
        assertTrue("unknown " + unknown[1] / 1e6 + " ms vs wrong " + wrong[1] / 1e6 + " ms", unknown[1] * 2 > wrong[1]);
    }

    @Test
    public void fiveFailuresFromOneAddressLockThatAddressOnlyForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Failure.BAD_CREDENTIALS, accounts.login("alice", "wrong password", A).failure());
            clock.advance(Duration.ofMinutes(2));
        }
        Instant lockedAt = T0.plus(Duration.ofMinutes(8));
        assertEquals(lockedAt.plus(Duration.ofMinutes(15)), TestDatabase.value(OffsetDateTime.class,
                "select locked_until from pf_login_failure where client_address = ?", A).toInstant());
        // the right password is refused from that address
        LoginResult locked = accounts.login("alice", PASSWORD, A);
        assertFalse(locked.ok());
        assertEquals(Failure.LOCKED, locked.failure());
        assertEquals(Outcome.DENIED, last("auth.login").getOutcome());
        assertEquals("LOCKED", last("auth.login").getDetail());
        // ... and a wrong one answers the same, without being counted
        assertEquals(Failure.LOCKED, accounts.login("alice", "wrong password", A).failure());
        assertEquals(5, TestDatabase.value("select failures from pf_login_failure where client_address = ?", A));
        // another address still works
        assertTrue(accounts.login("alice", PASSWORD, B).ok());
        // the lock ends after 15 minutes
        clock.set(lockedAt.plus(Duration.ofMinutes(15)).minusMillis(1));
        assertEquals(Failure.LOCKED, accounts.login("alice", PASSWORD, A).failure());
        clock.set(lockedAt.plus(Duration.ofMinutes(15)));
        LoginResult after = accounts.login("alice", PASSWORD, A);
        assertTrue(after.toString(), after.ok());
        assertEquals(0L, TestDatabase.value("select count(*) from pf_login_failure where client_address = ?", A));
    }

    @Test
    public void theFifthFailureLocksAndTheLockIsAudited() {
        for (int i = 0; i < 4; i++) {
            accounts.login("alice", "wrong password", A);
            assertEquals("BAD_CREDENTIALS", last("auth.login").getDetail());
        }
        accounts.login("alice", "wrong password", A);
        assertTrue(last("auth.login").getDetail(), last("auth.login").getDetail()
                .startsWith("BAD_CREDENTIALS; locked for the address until"));
    }

    @Test
    public void aSuccessResetsTheAddresssCounter() {
        for (int i = 0; i < 4; i++) {
            accounts.login("alice", "wrong password", A);
        }
        assertTrue(accounts.login("alice", PASSWORD, A).ok());
        assertEquals(0L, TestDatabase.value("select count(*) from pf_login_failure"));
        assertEquals(0, TestDatabase.value("select failed_count from pf_user where username = 'alice'"));
        for (int i = 0; i < 4; i++) {
            accounts.login("alice", "wrong password", A);
        }
        assertTrue(accounts.login("alice", PASSWORD, A).ok());
    }

    @Test
    public void onlyFailuresWithinFifteenMinutesCountTowardsTheAddressLock() {
        for (int i = 0; i < 4; i++) {
            accounts.login("alice", "wrong password", A);
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        accounts.login("alice", "wrong password", A);
        assertEquals(1, TestDatabase.value("select failures from pf_login_failure where client_address = ?", A));
        assertTrue(accounts.login("alice", PASSWORD, A).ok());
    }

    @Test
    public void twentyFailuresFromAnyAddressesLockTheAccountEverywhereFor24Hours() {
        // four from each of five addresses: no address is locked, the account is
        for (int address = 0; address < 5; address++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(Failure.BAD_CREDENTIALS, accounts.login("alice", "wrong password", "10.1.0." + address)
                        .failure());
            }
            if (address < 4) {
                assertTrue(TestDatabase.column("select locked_until from pf_user where username = 'alice'").get(0) == null);
            }
        }
        assertEquals(0L, TestDatabase.value("select count(*) from pf_login_failure where locked_until is not null"));
        assertEquals(T0.plus(Duration.ofHours(24)), TestDatabase.value(OffsetDateTime.class,
                "select locked_until from pf_user where username = 'alice'").toInstant());
        assertTrue(last("auth.login").getDetail(), last("auth.login").getDetail().contains("account locked until"));
        assertEquals(Failure.LOCKED, accounts.login("alice", PASSWORD, "10.2.0.1").failure());
        assertEquals(Failure.LOCKED, accounts.login("alice", PASSWORD, A).failure());
        assertEquals(users.get(alice).getLockedUntil(), T0.plus(Duration.ofHours(24)));

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertEquals(Failure.LOCKED, accounts.login("alice", PASSWORD, B).failure());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(accounts.login("alice", PASSWORD, B).ok());
    }

    @Test
    public void anAdminsUnlockLiftsEveryLockAndIsAudited() {
        for (int i = 0; i < 20; i++) {
            accounts.login("alice", "wrong password", "10.1.0." + i % 4);
        }
        for (int i = 0; i < 5; i++) {
            accounts.login("alice", "wrong password", A);
        }
        assertEquals(Failure.LOCKED, accounts.login("alice", PASSWORD, B).failure());
        assertEquals(Failure.LOCKED, accounts.login("alice", PASSWORD, A).failure());
        long version = users.get(alice).getVersion();
        audit.clear();

        assertNull(users.unlock(alice).getLockedUntil());

        assertEquals(List.of("user.unlock"), audit.actions());
        assertEquals(alice.toString(), audit.inTransaction.get(0).getRecordId());
        assertEquals(0L, TestDatabase.value("select count(*) from pf_login_failure"));
        assertEquals(Long.valueOf(version + 1), users.get(alice).getVersion());
        assertTrue(accounts.login("alice", PASSWORD, B).ok());
        assertTrue(accounts.login("alice", PASSWORD, A).ok());
    }

    @Test
    public void aDisabledUserIsRefusedAndTheirSessionsEnd() {
        LoginResult r = accounts.login("alice", PASSWORD, A);
        assertTrue(accounts.session(r.sessionId(), A).isPresent());

        assertTrue(users.setDisabled(alice, true).isDisabled());

        assertTrue(accounts.session(r.sessionId(), A).isEmpty());
        assertEquals(1L, TestDatabase.value("select count(*) from pf_session where revoked_at is not null"));
        assertEquals(List.of("user.disable"), audit.actions());
        // the right password learns that the account is disabled; a wrong one learns nothing
        assertEquals(Failure.DISABLED, accounts.login("alice", PASSWORD, A).failure());
        assertEquals(Outcome.DENIED, last("auth.login").getOutcome());
        assertEquals(Failure.BAD_CREDENTIALS, accounts.login("alice", "wrong password", A).failure());

        users.setDisabled(alice, false);
        assertTrue(accounts.login("alice", PASSWORD, A).ok());
        assertEquals(List.of("user.disable", "user.enable"), audit.actions());
    }

    @Test
    public void aHashOfOlderParametersIsReplacedAtTheNextLogin() {
        String old = new PasswordHasher(1, 8192, 2).hash(PASSWORD);
        TestDatabase.update("update pf_user set password_hash = ? where username = 'alice'", old);
        assertTrue(accounts.login("alice", PASSWORD, A).ok());
        String stored = (String) TestDatabase.value("select password_hash from pf_user where username = 'alice'");
        assertNotEquals(old, stored);
        assertTrue(stored, stored.startsWith("$argon2id$v=19$m=47104,t=1,p=1$"));
        assertTrue(accounts.login("alice", PASSWORD, A).ok());
    }

    @Test
    public void anUnknownAlgorithmIsRefused() {
        TestDatabase.update("update pf_user set password_algorithm = 'sm3' where username = 'alice'");
        assertEquals(Failure.BAD_CREDENTIALS, accounts.login("alice", PASSWORD, A).failure());
    }

    @Test
    public void missingClientAddressesAreCountedTogether() {
        for (int i = 0; i < 5; i++) {
            accounts.login("alice", "wrong password", i % 2 == 0 ? null : " ");
        }
        assertEquals(List.of(List.of("unknown", 5)), TestDatabase.rows("select client_address, failures from pf_login_failure"));
        assertEquals(Failure.LOCKED, accounts.login("alice", PASSWORD, null).failure());
    }

    private AuditEvent last(String action) {
        List<AuditEvent> events = new ArrayList<>(audit.separately(action));
        return events.get(events.size() - 1);
    }
}
