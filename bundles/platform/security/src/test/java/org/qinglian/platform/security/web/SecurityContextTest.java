package org.qinglian.platform.security.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SensitiveReach;
import org.qinglian.platform.core.service.UnitServiceImpl;
import org.qinglian.platform.testing.RecordingAuditLog;
import org.qinglian.platform.testing.ResourceLocalJpaTemplate;
import org.qinglian.platform.testing.TestClock;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.platform.testing.TestSecurityContext;

/**
 * Need-to-know as the request's security context decides it, over the real unit tree on
 * PostgreSQL: handlers and leaders of the owning or a supervising unit may read a sensitive
 * record; a token, a leader elsewhere or anyone outside the scope may not; every read is audited.
 */
public class SecurityContextTest {

    private EntityManagerFactory emf;
    private ResourceLocalJpaTemplate jpa;
    private SecurityContextImpl context;
    private RecordingAuditLog audit;
    private UnitDto district;
    private UnitDto township;
    private UnitDto otherDistrict;
    private final UUID handler = UUID.randomUUID();
    private final UUID someoneElse = UUID.randomUUID();

    @Before
    public void tree() {
        TestDatabase.reset();
        emf = TestDatabase.entityManagerFactory();
        jpa = new ResourceLocalJpaTemplate(emf);
        TestClock clock = new TestClock(Instant.parse("2026-03-01T01:00:00Z"));
        UnitServiceImpl units = new UnitServiceImpl(jpa, clock, new TestSecurityContext(), new RecordingAuditLog());
        UnitDto city = units.create(unit("市纪委监委", UnitLevel.CITY, null));
        district = units.create(unit("东区纪委", UnitLevel.DISTRICT, city));
        township = units.create(unit("东街道纪工委", UnitLevel.TOWNSHIP, district));
        otherDistrict = units.create(unit("西区纪委", UnitLevel.DISTRICT, city));
        context = new SecurityContextImpl(units, clock);
        audit = new RecordingAuditLog();
    }

    @After
    public void close() {
        RequestState.clear();
        emf.close();
    }

    private static UnitDto unit(String name, UnitLevel level, UnitDto parent) {
        UnitDto u = new UnitDto();
        u.setName(name);
        u.setKind(UnitKind.COMMISSION);
        u.setLevel(level);
        u.setParentId(parent == null ? null : parent.getId());
        return u;
    }

    private void as(String role, UUID unit, UUID person, boolean token, Set<UUID> scope) {
        RequestState.bind(new RequestState(new Caller(UUID.randomUUID(), "u", unit, person, Set.of(role), Set.of(), token),
                Scope.of(scope), "127.0.0.1", false, null, null));
    }

    @Test
    public void leadersOfTheOwningOrASupervisingUnitMayRead() {
        as("leader", district.getId(), null, false, Set.of(district.getId(), township.getId()));
        assertTrue(context.mayReadSensitive(township.getId(), List.of()));
        assertTrue(context.mayReadSensitive(district.getId(), List.of()));
        assertFalse("outside the scope", context.mayReadSensitive(otherDistrict.getId(), List.of()));
    }

    @Test
    public void namedHandlersMayReadWithinTheirScopeOnly() {
        as("supervisor", township.getId(), handler, false, Set.of(township.getId()));
        assertTrue(context.mayReadSensitive(township.getId(), List.of(handler)));
        assertFalse(context.mayReadSensitive(township.getId(), List.of(someoneElse)));
        assertFalse("need-to-know narrows scope, never widens it",
                context.mayReadSensitive(district.getId(), List.of(handler)));
    }

    @Test
    public void aTokenNeverSatisfiesNeedToKnow() {
        as("leader", district.getId(), handler, true, Set.of(district.getId(), township.getId()));
        assertFalse(context.mayReadSensitive(township.getId(), List.of(handler)));
    }

    @Test
    public void aLeaderOfAUnitThatDoesNotSuperviseTheRecordMayNot() {
        as("leader", township.getId(), null, false, Set.of(district.getId(), township.getId()));
        assertFalse(context.mayReadSensitive(district.getId(), List.of()));
    }

    @Test
    public void theReachListsUseAgreesWithTheRecordByRecordCheck() {
        as("leader", district.getId(), handler, false, Set.of(district.getId(), township.getId()));
        SensitiveReach reach = context.sensitiveReach();
        assertEquals(Set.of(district.getId(), township.getId()), reach.leaderUnits());
        assertEquals(handler, reach.personId());
        as("supervisor", township.getId(), handler, false, Set.of(township.getId()));
        assertEquals("a supervisor leads nothing", Set.of(), context.sensitiveReach().leaderUnits());
        assertTrue(context.sensitiveReach().reaches(township.getId(), List.of(handler)));
        assertFalse(context.sensitiveReach().reaches(township.getId(), List.of(someoneElse)));
        as("leader", district.getId(), handler, true, Set.of(district.getId(), township.getId()));
        assertEquals("a token reaches nothing", SensitiveReach.NONE, context.sensitiveReach());
        RequestState.clear();
        assertTrue("the console reaches everything", context.sensitiveReach().everything());
    }

    @Test
    public void anAnonymousRequestMayNotButTheConsoleMay() {
        RequestState.bind(new RequestState(null, Scope.NONE, "127.0.0.1", false, null, null));
        assertFalse(context.mayReadSensitive(township.getId(), List.of(handler)));
        RequestState.clear();
        assertTrue(context.mayReadSensitive(township.getId(), List.of(handler)));
    }

    @Test
    public void everyReadIsAuditedAndARefusalAnswersNotFound() {
        NeedToKnowImpl needToKnow = new NeedToKnowImpl(context, audit);
        as("supervisor", township.getId(), handler, false, Set.of(township.getId()));
        jpa.tx(em -> needToKnow.read(em, "talks.talk", "t-1", township.getId(), List.of(handler)));
        assertEquals(List.of("talks.talk.read"), audit.actions());
        assertEquals("t-1", audit.inTransaction.get(0).getRecordId());

        assertThrows(NotFoundException.class, () -> jpa.tx(em -> needToKnow.read(em, "talks.talk", "t-2",
                township.getId(), List.of(someoneElse))));
        assertEquals(1, audit.separately.size());
        assertEquals(AuditEvent.Outcome.DENIED, audit.separately.get(0).getOutcome());
        assertEquals("t-2", audit.separately.get(0).getRecordId());
    }
}
