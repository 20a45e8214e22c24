package org.qinglian.talks.core;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.api.sheet.RegisterSheet;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.talks.api.CoverageDto;
import org.qinglian.talks.api.CoveragePersonDto;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.FindingRequest;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TransitionRequest;

/**
 * Need-to-know (知悉范围) of a sensitive talk, decided by the security bundle's real check: within
 * the owning unit's scope only its conductors, recorder and handlers and the leaders of the owning
 * unit or of a unit supervising it read it; everyone else finds it missing in gets, lists, their
 * totals, exports and attachments, and every read and refusal is on the audit trail. Coverage
 * figures count it all the same.
 */
public class NeedToKnowTest extends TalksTestCase {

    private PersonDto colleague;
    private PersonDto handler;
    private TalkDto sensitive;
    private TalkDto ordinary;
    private AttachmentDto record;
    private TalksAttachmentAccess access;

    @Before
    public void aSensitiveTalkOfEast() {
        colleague = person("陈干部", east, p -> p.setInspectionCadre(true));
        handler = person("刘主任", east, p -> { });
        as("east-officer", east, eastOfficer);
        sensitive = create(draft(TalkKind.POLITICAL, east, eastTop).sensitivity(Sensitivity.SENSITIVE).held(TODAY)
                .place("保密谈话室").conductors(eastOfficer).handlers(handler));
        ordinary = create(draft(TalkKind.REMINDER, east, eastMember).held(TODAY).place("第一会议室"));
        record = talks.attach(sensitive.id(), "谈话记录.pdf", PDF);
        access = new TalksAttachmentAccess(talks);
        audit.clear();
    }

    private List<UUID> listed() {
        return items(talks.talks(TalkQuery.all(), page(), ZH)).stream().map(TalkDto::id).collect(Collectors.toList());
    }

    private String register() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        talks.exportRegister(TalkQuery.all(), ZH, out);
        Sheet sheet = workbook(out).sheets().get(0);
        return rows(sheet).subList(RegisterSheet.FIRST_DATA_ROW, sheet.lastRow() + 1).toString();
    }

    private List<AuditEvent> reads(String outcome) {
        return audit.all().stream().filter(e -> e.getAction().equals("talks.talk.read")
                && sensitive.id().toString().equals(e.getRecordId()) && e.getOutcome().name().equals(outcome))
                .collect(Collectors.toList());
    }

    private void readsIt() {
        assertEquals(sensitive.id(), talks.talk(sensitive.id(), ZH).talk().id());
        assertEquals(Set.of(sensitive.id(), ordinary.id()), Set.copyOf(listed()));
        assertEquals(2, talks.talks(TalkQuery.all(), page(), ZH).getTotal());
        assertTrue(access.mayRead("talk", sensitive.id()));
    }

    private void findsItMissing() {
        assertThrows(NotFoundException.class, () -> talks.talk(sensitive.id(), ZH));
        assertEquals(List.of(ordinary.id()), listed());
        assertEquals(1, talks.talks(TalkQuery.all(), page(), ZH).getTotal());
        assertFalse(access.mayRead("talk", sensitive.id()));
    }

    @Test
    public void aSupervisorOfTheUnitWhoIsNoHandlerFindsItMissingEverywhereAndTheRefusalIsAudited() {
        as("east-colleague", east, colleague);
        NotFoundException missing = assertThrows(NotFoundException.class, () -> talks.talk(sensitive.id(), ZH));
        assertEquals(404, missing.getStatus());
        List<AuditEvent> denied = reads("DENIED");
        assertEquals(1, denied.size());
        assertEquals("talks.talk", denied.get(0).getRecordType());
        assertTrue("a refusal is kept even though its transaction rolls back",
                audit.separately("talks.talk.read").contains(denied.get(0)));
        assertEquals(List.of(), reads("SUCCESS"));

        assertEquals(List.of(ordinary.id()), listed());
        assertEquals(1, talks.talks(TalkQuery.all(), page(), ZH).getTotal());
        assertEquals(0, talks.talks(new TalkQuery(null, null, null, Sensitivity.SENSITIVE, null, false, null, null,
                null, null, null), page(), ZH).getTotal());
        assertEquals(0, talks.talks(new TalkQuery(null, null, null, null, east.getId(), false, 2026, eastTop.getId(),
                null, null, null), page(), ZH).getTotal());
        assertEquals(0, talks.talks(new TalkQuery(null, null, null, null, null, false, null, null, "保密", null, null),
                page(), ZH).getTotal());
        assertEquals(List.of(ordinary.id()), talks.plan(2026, east.getId(), false, ZH).months().stream()
                .flatMap(m -> m.talks().stream()).map(TalkDto::id).collect(Collectors.toList()));

        String rows = register();
        assertFalse(rows, rows.contains("张书记") || rows.contains("保密谈话室"));
        assertTrue(rows, rows.contains("王副书记"));

        assertFalse(access.mayRead("talk", sensitive.id()));
        assertThrows(NotFoundException.class, () -> attachments.open(record.id()));
        assertThrows(NotFoundException.class, () -> talks.update(sensitive.id(), sensitive.version(),
                draft(TalkKind.POLITICAL, east, eastTop).held(TODAY).build(), ZH));
        assertThrows(NotFoundException.class, () -> talks.transition(sensitive.id(), sensitive.version(),
                TransitionRequest.of(TalkAction.CLOSE, null), ZH));
        assertThrows(NotFoundException.class, () -> talks.attach(sensitive.id(), "x.pdf", PDF));
        assertThrows(NotFoundException.class, () -> talks.raiseFinding(sensitive.id(), new FindingRequest(null)));
        assertEquals(5, reads("DENIED").size());
        assertEquals(1, count("pf_attachment"));
    }

    @Test
    public void thePersonTalkedToIsNoHandler() {
        as("east-top", east, eastTop);
        findsItMissing();
    }

    @Test
    public void theConductorAndAHandlerReadItAndEachReadIsAudited() {
        as("east-officer", east, eastOfficer);
        readsIt();
        assertEquals(1, reads("SUCCESS").size());
        AuditEvent read = reads("SUCCESS").get(0);
        assertTrue("an allowed read commits with the reading transaction", audit.inTransaction.contains(read));
        String rows = register();
        assertTrue(rows, rows.contains("张书记") && rows.contains("保密谈话室") && rows.contains("敏感"));
        assertArrayEquals(PDF, attachments.open(record.id()).content());

        as("east-handler", east, handler);
        readsIt();
        assertEquals(2, reads("SUCCESS").size());
        assertEquals(List.of(), reads("DENIED"));
    }

    @Test
    public void theLeadersOfTheOwningUnitAndOfTheUnitsSupervisingItReadIt() {
        as("east-leader", east);
        security.leaderOf(Set.of(east.getId()));
        readsIt();

        as("city-leader", city);
        security.leaderOf(closure(city));
        readsIt();
        assertEquals(2, reads("SUCCESS").size());

        as("city-leader-of-west", city);
        security.leaderOf(closure(west));
        findsItMissing();

        as("west-leader", west);
        security.leaderOf(closure(west));
        assertThrows(NotFoundException.class, () -> talks.talk(sensitive.id(), ZH));
        assertEquals(0, talks.talks(TalkQuery.all(), page(), ZH).getTotal());

        as("town-leader", eastTown);
        security.leaderOf(closure(eastTown));
        assertThrows(NotFoundException.class, () -> talks.talk(sensitive.id(), ZH));
    }

    @Test
    public void anApiTokenNeverHasNeedToKnowEvenForTheConductor() {
        asToken("oa-integration", east, eastOfficer);
        findsItMissing();
        assertEquals(1, reads("DENIED").size());
        String rows = register();
        assertFalse(rows, rows.contains("张书记"));
        assertThrows(NotFoundException.class, () -> attachments.open(record.id()));
    }

    @Test
    public void coverageCountsTheSensitiveTalkButLinksItOnlyForWhoMayReadIt() {
        CoverageQuery year = new CoverageQuery(2026, east.getId(), false, null);
        as("east-colleague", east, colleague);
        CoverageDto figures = talks.coverage(year);
        assertEquals(2, figures.total());
        assertEquals("the sensitive political talk counts", 1, figures.covered());
        CoveragePersonDto top = top(year);
        assertTrue(top.covered());
        assertEquals(TODAY, top.talkDate());
        assertNull("no need-to-know, no link", top.talkId());

        asToken("oa-integration", east, eastOfficer);
        assertEquals(1, talks.coverage(year).covered());
        assertNull(top(year).talkId());

        as("east-officer", east, eastOfficer);
        assertEquals("the conductor may read it", sensitive.id(), top(year).talkId());
        as("east-handler", east, handler);
        assertEquals(sensitive.id(), top(year).talkId());
        as("east-leader", east);
        security.leaderOf(Set.of(east.getId()));
        assertEquals(sensitive.id(), top(year).talkId());
    }

    private CoveragePersonDto top(CoverageQuery query) {
        return items(talks.coveragePeople(query, page())).stream().filter(p -> p.personId().equals(eastTop.getId()))
                .findFirst().orElseThrow();
    }
}
