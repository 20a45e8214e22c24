package org.qinglian.platform.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.audit.AuditEntryDto;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditTrail;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;

/** Auditors read entries whose actor's unit is in their scope, filtered, sorted and paged. */
public class AuditTrailListTest extends AuditTestCase {

    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000b0b");

    private Instant t1;
    private Instant t3;
    private Instant t6;

    /** alice (unit A) at t1, t2, t4; bob (unit B) at t3, t5; an anonymous failed login (no unit) at t6. */
    @Before
    public void entries() {
        Caller alice = security.caller().orElse(null);
        Caller bob = auditor(BOB, "bob", UNIT_B);
        t1 = as(alice, AuditEvent.of("unit.create", "unit", "U-1"));
        as(alice, AuditEvent.of("unit.update", "unit", "U-1"));
        t3 = as(bob, AuditEvent.of("person.update", "person", "P-1"));
        as(alice, AuditEvent.of("unitXupdate", "unit", "U-2"));
        as(bob, AuditEvent.of("unit.delete", "unit", "U-1").outcome(AuditEvent.Outcome.DENIED));
        t6 = as(null, AuditEvent.of("auth.login", null, null).actor("mallory").outcome(AuditEvent.Outcome.FAILURE));
        security.caller(alice);
    }

    private Instant as(Caller caller, AuditEvent event) {
        security.caller(caller);
        Instant at = clock.advance(Duration.ofMinutes(1));
        log.recordSeparately(event);
        return at;
    }

    private Page<AuditEntryDto> list(String actor, String action, Instant from, Instant to, String recordId) {
        return trail.list(actor, action, from, to, recordId, PageRequest.first(PageRequest.MAX_SIZE));
    }

    private static List<String> actions(Page<AuditEntryDto> page) {
        return page.getItems().stream().map(AuditEntryDto::getAction).toList();
    }

    @Test
    public void anUnrestrictedScopeSeesEverythingNewestFirst() {
        Page<AuditEntryDto> all = list(null, null, null, null, null);
        assertEquals(6, all.getTotal());
        assertEquals(List.of("auth.login", "unit.delete", "unitXupdate", "person.update", "unit.update", "unit.create"),
                actions(all));
    }

    @Test
    public void aScopeShowsOnlyEntriesOfActorsOfItsUnits() {
        security.scope(Scope.of(Set.of(UNIT_A)));
        Page<AuditEntryDto> page = list(null, null, null, null, null);
        assertEquals(3, page.getTotal());
        assertTrue(page.getItems().stream().allMatch(e -> UNIT_A.equals(e.getActorUnitId())));
        security.scope(Scope.of(Set.of(UNIT_A, UNIT_B)));
        assertEquals("entries without a unit only for unrestricted scopes", 5, list(null, null, null, null, null).getTotal());
    }

    @Test
    public void noScopeSeesNothing() {
        security.scope(Scope.NONE);
        Page<AuditEntryDto> page = list(null, null, null, null, null);
        assertEquals(0, page.getTotal());
        assertTrue(page.getItems().isEmpty());
        security.scope(Scope.of(Set.of(UUID.randomUUID())));
        assertEquals(0, list(null, null, null, null, null).getTotal());
    }

    @Test
    public void filtersCombine() {
        assertEquals(List.of("unit.delete", "person.update"), actions(list("bob", null, null, null, null)));
        // a prefix, with _ and % taken literally
        assertEquals(List.of("unit.delete", "unit.update", "unit.create"), actions(list(null, "unit.", null, null, null)));
        assertEquals(List.of(), actions(list(null, "unit_", null, null, null)));
        assertEquals(List.of(), actions(list(null, "%", null, null, null)));
        assertEquals(List.of("unit.delete", "unit.update", "unit.create"),
                actions(list(null, null, null, null, "U-1")));
        // from inclusive, to exclusive
        assertEquals(List.of("unitXupdate", "person.update"), actions(list(null, null, t3, t3.plusSeconds(120), null)));
        assertEquals(List.of("auth.login"), actions(list(null, null, t6, null, null)));
        assertEquals(List.of("unit.create"), actions(list(null, null, null, t1.plusNanos(1000), null)));
        assertEquals(List.of("unit.update"), actions(list("alice", "unit", t1.plusSeconds(1), null, "U-1")));
        assertEquals("blank filters are no filters", 6, list(" ", "", null, null, " ").getTotal());
    }

    @Test
    public void pagesAreCountedAndSorted() {
        Page<AuditEntryDto> second = trail.list(null, null, null, null, null,
                PageRequest.of(2, 2, "action", AuditTrail.SORTABLE));
        assertEquals(6, second.getTotal());
        assertEquals(2, second.getPage());
        assertEquals(2, second.getSize());
        assertEquals(List.of("unit.create", "unit.delete"), actions(second));
        assertEquals(List.of("auth.login", "person.update", "unit.delete", "unit.create", "unit.update", "unitXupdate"),
                actions(trail.list(null, null, null, null, null,
                        PageRequest.of(1, 10, "-actor,occurredAt", AuditTrail.SORTABLE))));
        assertTrue(trail.list(null, null, null, null, null, PageRequest.of(4, 2, null, AuditTrail.SORTABLE))
                .getItems().isEmpty());
    }

    @Test
    public void sequenceSortPutsUnsealedEntriesFirst() {
        trail.seal();
        log.recordSeparately(AuditEvent.of("late.entry", null, null));
        Page<AuditEntryDto> ascending = trail.list(null, null, null, null, null,
                PageRequest.of(1, 3, "sequence", AuditTrail.SORTABLE));
        assertEquals(List.of(0L, 1L, 2L), ascending.getItems().stream().map(AuditEntryDto::getSequence).toList());
        assertFalse(ascending.getItems().get(0).isSealed());
        assertTrue(ascending.getItems().get(1).isSealed());
        assertEquals(List.of(6L, 5L), trail.list(null, null, null, null, null,
                PageRequest.of(1, 2, "-sequence", AuditTrail.SORTABLE)).getItems().stream()
                .map(AuditEntryDto::getSequence).toList());
    }

    @Test
    public void anEntryReadsAsWritten() {
        trail.seal();
        AuditEntryDto entry = list("bob", "unit.delete", null, null, null).getItems().get(0);
        AuditEntryDto got = trail.get(entry.getId());
        assertEquals(entry.getId(), got.getId());
        assertEquals("bob", got.getActor());
        assertEquals(UNIT_B, got.getActorUnitId());
        assertEquals("unit", got.getRecordType());
        assertEquals("U-1", got.getRecordId());
        assertEquals("DENIED", got.getOutcome());
        assertEquals("10.0.0.7", got.getClientAddress());
        assertEquals(t1.plus(Duration.ofMinutes(4)), got.getOccurredAt());
        assertTrue(got.isSealed());
        assertEquals(5, got.getSequence());
    }

    @Test
    public void anEntryOutsideTheScopeIsNotFound() {
        UUID ofBob = list("bob", null, null, null, null).getItems().get(0).getId();
        UUID anonymous = list("mallory", null, null, null, null).getItems().get(0).getId();
        security.scope(Scope.of(Set.of(UNIT_B)));
        assertEquals("bob", trail.get(ofBob).getActor());
        security.scope(Scope.of(Set.of(UNIT_A)));
        assertNotFound(ofBob);
        assertNotFound(anonymous);
        assertNotFound(UUID.randomUUID());
        security.scope(Scope.NONE);
        assertNotFound(ofBob);
        security.scope(Scope.UNRESTRICTED);
        assertEquals("mallory", trail.get(anonymous).getActor());
    }

    private void assertNotFound(UUID id) {
        try {
            trail.get(id);
            fail("expected 404 for " + id);
        } catch (NotFoundException expected) {
            assertEquals(404, expected.getStatus());
            assertEquals(List.of("record.auditEntry", id.toString()), List.of(expected.getArgs()));
        }
    }
}
