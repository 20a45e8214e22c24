package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.security.account.Problems.assertInvalid;
import static org.qinglian.platform.security.account.Problems.assertNotHeld;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.testing.TestDatabase;

/** API tokens: shown once, stored as a hash, revocable, expiring, limited to what their creator holds. */
public class TokenTest extends AccountsTestCase {

    private static final Instant IN_30_DAYS = T0.plus(Duration.ofDays(30));

    private UUID integrator;
    private UUID otherIntegrator;
    private UUID securityAdmin;
    private UUID unitAdmin;

    @Before
    public void createUsers() {
        integrator = user("integrator", PASSWORD, DISTRICT, "integrator");
        otherIntegrator = user("integrator2", PASSWORD, OTHER_DISTRICT, "integrator");
        securityAdmin = user("secadmin", PASSWORD, null, "security-admin");
        unitAdmin = user("unitadmin", PASSWORD, DISTRICT, "unit-admin");
        signIn(integrator, DISTRICT_SCOPE);
        audit.clear();
    }

    @Test
    public void aNewTokenIsShownOnceAndStoredOnlyAsItsHash() {
        CreatedToken created = accounts.createToken("HR sync", Set.of("platform:units-read", "platform:people-read"),
                IN_30_DAYS);
        assertTrue(created.token(), created.token().matches("ql_[a-z0-9]{8}_[A-Za-z0-9_-]{43}"));
        assertEquals(created.token().substring(3, 11), created.prefix());
        assertEquals(IN_30_DAYS, created.expiresAt());
        assertFalse(created.toString().contains(created.token()));

        List<List<Object>> rows = TestDatabase.rows("select public_id, prefix, token_hash, name from pf_api_token");
        assertEquals(1, rows.size());
        assertEquals(created.id().toString(), rows.get(0).get(0));
        assertEquals(created.prefix(), rows.get(0).get(1));
        assertEquals(Secrets.sha256Hex(created.token()), rows.get(0).get(2));
        assertEquals("HR sync", rows.get(0).get(3));
        String secret = created.token().substring(12);
        assertEquals(0L, TestDatabase.value("select count(*) from pf_api_token where token_hash like ? or prefix like ?"
                + " or name like ?", "%" + secret + "%", "%" + secret + "%", "%" + secret + "%"));
        assertEquals(List.of("platform:people-read", "platform:units-read"), TestDatabase.column(
                "select permission from pf_api_token_permission order by permission"));

        assertEquals(List.of("token.create"), audit.actions());
        assertEquals(created.id().toString(), audit.inTransaction.get(0).getRecordId());
        assertFalse(audit.inTransaction.get(0).getDetail().contains(secret));

        // listing never shows the token again
        List<TokenDto> listed = accounts.tokens();
        assertEquals(1, listed.size());
        assertEquals(created.id(), listed.get(0).id());
        assertEquals(created.prefix(), listed.get(0).prefix());
        assertEquals(integrator, listed.get(0).userId());
        assertEquals("integrator", listed.get(0).username());
        assertFalse(listed.get(0).toString().contains(secret));
    }

    @Test
    public void aValidTokenTellsItsUserAndPermissionsAndRecordsItsUse() {
        CreatedToken created = accounts.createToken("HR sync", Set.of("platform:units-read"), IN_30_DAYS);
        Optional<TokenInfo> info = accounts.token(created.token());
        assertTrue(info.isPresent());
        assertEquals(created.id(), info.get().tokenId());
        assertEquals(integrator, info.get().userId());
        assertEquals(Set.of("platform:units-read"), info.get().permissions());
        assertEquals(T0, TestDatabase.value(OffsetDateTime.class, "select last_used_at from pf_api_token").toInstant());
        clock.advance(Duration.ofSeconds(30));
        accounts.token(created.token());
        assertEquals(T0, TestDatabase.value(OffsetDateTime.class, "select last_used_at from pf_api_token").toInstant());
        Instant later = clock.advance(Duration.ofSeconds(30));
        accounts.token(created.token());
        assertEquals(later, TestDatabase.value(OffsetDateTime.class, "select last_used_at from pf_api_token").toInstant());
    }

    @Test
    public void forgedOrMalformedTokensAreNotTokens() {
        CreatedToken created = accounts.createToken("HR sync", Set.of("platform:units-read"), IN_30_DAYS);
        String token = created.token();
        // the right prefix with another secret
        assertTrue(accounts.token(token.substring(0, 12) + Secrets.random256()).isEmpty());
        assertTrue(accounts.token(token.substring(0, token.length() - 1)
                + (token.endsWith("A") ? "B" : "A")).isEmpty());
        assertTrue(accounts.token(token.substring(0, 12)).isEmpty());
        assertTrue(accounts.token("ql_" + created.prefix()).isEmpty());
        assertTrue(accounts.token(token.replace("ql_", "qx_")).isEmpty());
        assertTrue(accounts.token(TestDatabase.value("select token_hash from pf_api_token").toString()).isEmpty());
        assertTrue(accounts.token(null).isEmpty());
        assertTrue(accounts.token("").isEmpty());
        assertTrue(accounts.token(token).isPresent());
    }

    @Test
    public void aRevokedTokenIsNoTokenAndTheRevocationIsAudited() {
        CreatedToken created = accounts.createToken("HR sync", Set.of("platform:units-read"), IN_30_DAYS);
        audit.clear();
        accounts.revokeToken(created.id());
        assertTrue(accounts.token(created.token()).isEmpty());
        assertEquals(List.of("token.revoke"), audit.actions());
        assertEquals(created.id().toString(), audit.inTransaction.get(0).getRecordId());
        assertEquals(T0, accounts.tokens().get(0).revokedAt());
        // revoking again changes nothing
        accounts.revokeToken(created.id());
        assertEquals(List.of("token.revoke"), audit.actions());
    }

    @Test
    public void anExpiredTokenIsNoToken() {
        CreatedToken created = accounts.createToken("HR sync", Set.of("platform:units-read"), IN_30_DAYS);
        clock.set(IN_30_DAYS.minusMillis(1));
        assertTrue(accounts.token(created.token()).isPresent());
        clock.set(IN_30_DAYS);
        assertTrue(accounts.token(created.token()).isEmpty());
    }

    @Test
    public void aDisabledUsersTokensAreNoTokens() {
        CreatedToken created = accounts.createToken("HR sync", Set.of("platform:units-read"), IN_30_DAYS);
        security.system();
        users.setDisabled(integrator, true);
        assertTrue(accounts.token(created.token()).isEmpty());
        users.setDisabled(integrator, false);
        assertTrue(accounts.token(created.token()).isPresent());
    }

    @Test
    public void aTokenCarriesOnlyPermissionsItsCreatorHolds() {
        ProblemException e = assertNotHeld(() -> accounts.createToken("too much",
                Set.of("platform:units-read", "platform:audit-read"), IN_30_DAYS), "permissions");
        assertEquals("validation.permissionNotHeld", e.getViolations().get(0).getMessageKey());
        assertEquals(List.of("platform:audit-read"), List.of(e.getViolations().get(0).getArgs()));
        // a wildcard is more than its parts
        assertNotHeld(() -> accounts.createToken("too much", Set.of("platform:*"), IN_30_DAYS), "permissions");
        assertNotHeld(() -> accounts.createToken("too much", Set.of("*"), IN_30_DAYS), "permissions");
        assertEquals(0L, TestDatabase.value("select count(*) from pf_api_token"));

        // whoever holds everything may hand on anything, wildcards included
        UUID admin = user("admin2", PASSWORD, null, "administrator");
        signIn(admin, Scope.UNRESTRICTED);
        CreatedToken all = accounts.createToken("all of platform", Set.of("platform:*", "talks:read"), IN_30_DAYS);
        assertEquals(Set.of("platform:*", "talks:read"), accounts.token(all.token()).get().permissions());
    }

    @Test
    public void aTokenNeedsANameValidPermissionsAndAnExpiryWithinAYear() {
        assertInvalid(() -> accounts.createToken(" ", Set.of("platform:units-read"), IN_30_DAYS), "validation.required",
                "name");
        assertInvalid(() -> accounts.createToken("x".repeat(101), Set.of("platform:units-read"), IN_30_DAYS),
                "validation.tooLong", "name");
        assertInvalid(() -> accounts.createToken("sync", Set.of(), IN_30_DAYS), "validation.required", "permissions");
        assertInvalid(() -> accounts.createToken("sync", null, IN_30_DAYS), "validation.required", "permissions");
        assertInvalid(() -> accounts.createToken("sync", Set.of("units read"), IN_30_DAYS), "validation.permission",
                "permissions");
        assertInvalid(() -> accounts.createToken("sync", Set.of("platform:units-read"), null), "validation.required",
                "expiresAt");
        assertInvalid(() -> accounts.createToken("sync", Set.of("platform:units-read"), T0), "validation.future",
                "expiresAt");
        assertInvalid(() -> accounts.createToken("sync", Set.of("platform:units-read"),
                T0.plus(Duration.ofDays(365)).plusSeconds(1)), "validation.maxDays", "expiresAt");
        accounts.createToken("sync", Set.of("platform:units-read"), T0.plus(Duration.ofDays(365)));
    }

    @Test
    public void onlyASignedInCallerCreatesTokens() {
        security.system();
        Problems.assertProblem(() -> accounts.createToken("sync", Set.of("platform:units-read"), IN_30_DAYS), 403,
                "forbidden", "problem.forbidden");
        security.as(null, Scope.NONE);
        Problems.assertProblem(() -> accounts.tokens(), 403, "forbidden", "problem.forbidden");
    }

    @Test
    public void callersSeeTheirOwnTokensAndUserAdminsThoseOfUsersInTheirScope() {
        CreatedToken mine = accounts.createToken("mine", Set.of("platform:units-read"), IN_30_DAYS);
        signIn(otherIntegrator, Scope.of(Set.of(OTHER_DISTRICT)));
        CreatedToken theirs = accounts.createToken("theirs", Set.of("platform:units-read"), IN_30_DAYS);
        assertEquals(List.of(theirs.id()), accounts.tokens().stream().map(TokenDto::id).toList());
        // not visible, so not revocable
        Problems.assertNotFound(() -> accounts.revokeToken(mine.id()), "apiToken", mine.id());
        assertTrue(accounts.token(mine.token()).isPresent());

        // a unit admin of the district (platform:users-write) sees the district's tokens only
        signIn(unitAdmin, DISTRICT_SCOPE);
        assertEquals(List.of(mine.id()), accounts.tokens().stream().map(TokenDto::id).toList());
        accounts.revokeToken(mine.id());
        Problems.assertNotFound(() -> accounts.revokeToken(theirs.id()), "apiToken", theirs.id());

        // a security admin (deployment-wide) sees all
        signIn(securityAdmin, Scope.UNRESTRICTED);
        assertEquals(Set.of(mine.id(), theirs.id()), Set.copyOf(accounts.tokens().stream().map(TokenDto::id).toList()));
        assertNull(accounts.tokens().stream().filter(t -> t.id().equals(theirs.id())).findFirst().get().revokedAt());

        // the console sees and revokes all
        security.system();
        assertEquals(2, accounts.tokens().size());
        accounts.revokeToken(theirs.id());
        assertTrue(accounts.token(theirs.token()).isEmpty());
    }
}
