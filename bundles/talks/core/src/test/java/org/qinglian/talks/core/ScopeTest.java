package org.qinglian.talks.core;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.sheet.RegisterSheet;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.FindingRequest;
import org.qinglian.talks.api.PlanRequest;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkDetailDto;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkStatus;
import org.qinglian.talks.api.TransitionRequest;

/**
 * Scope (数据范围) of talks, which are owned by the unit that conducts them: a sibling unit sees,
 * counts, reads, changes, exports and covers nothing of another's; a subordinate nothing of its
 * superior's; the supervising unit all of its subordinates'; and nobody names people outside
 * their scope.
 */
public class ScopeTest extends TalksTestCase {

    private PersonDto westTop;
    private PersonDto townTop;
    private TalkDto eastTalk;
    private TalkDto townTalk;
    private TalkDto westTalk;
    private AttachmentDto eastRecord;

    @Before
    public void talksOfThreeUnits() {
        westTop = person("孙书记", west, p -> p.setTopLeader(true));
        townTop = person("赵街道书记", eastTown, p -> p.setTopLeader(true));
        as("east-officer", east, eastOfficer);
        eastTalk = create(draft(TalkKind.POLITICAL, east, eastTop).held(TODAY).place("东城区谈话室"));
        eastRecord = talks.attach(eastTalk.id(), "谈话记录.pdf", PDF);
        as("town-officer", eastTown);
        townTalk = create(draft(TalkKind.POLITICAL, eastTown, townTop).held(TODAY).place("街道会议室"));
        as("west-officer", west);
        westTalk = create(draft(TalkKind.POLITICAL, west, westTop).held(TODAY).place("西城区谈话室"));
    }

    private List<UUID> listed(TalkQuery query) {
        return items(talks.talks(query, page(), ZH)).stream().map(TalkDto::id).collect(Collectors.toList());
    }

    private static TalkQuery ofUnit(UUID unit, boolean subordinates) {
        return new TalkQuery(null, null, null, null, unit, subordinates, null, null, null, null, null);
    }

    private List<List<String>> register(TalkQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        talks.exportRegister(query, ZH, out);
        Sheet sheet = workbook(out).sheets().get(0);
        List<List<String>> rows = rows(sheet);
        return rows.subList(Math.min(rows.size(), RegisterSheet.FIRST_DATA_ROW), rows.size());
    }

    @Test
    public void aSiblingUnitSeesCountsReadsChangesAndExportsNothingOfAnothersTalks() {
        as("west-officer", west);
        assertEquals(List.of(westTalk.id()), listed(TalkQuery.all()));
        assertEquals(1, talks.talks(TalkQuery.all(), page(), ZH).getTotal());
        assertEquals(0, talks.talks(ofUnit(east.getId(), true), page(), ZH).getTotal());
        assertEquals(0, talks.talks(ofUnit(east.getId(), false), page(), ZH).getTotal());
        assertEquals(0, talks.talks(new TalkQuery(null, null, null, null, null, false, null, eastTop.getId(), null,
                null, null), page(), ZH).getTotal());

        assertThrows(NotFoundException.class, () -> talks.talk(eastTalk.id(), ZH));
        assertThrows(NotFoundException.class, () -> talks.update(eastTalk.id(), eastTalk.version(),
                draft(TalkKind.POLITICAL, west, westTop).held(TODAY).build(), ZH));
        assertThrows(NotFoundException.class, () -> talks.transition(eastTalk.id(), eastTalk.version(),
                TransitionRequest.of(TalkAction.CLOSE, null), ZH));
        assertThrows(NotFoundException.class, () -> talks.attach(eastTalk.id(), "x.pdf", PDF));
        assertThrows(NotFoundException.class, () -> talks.raiseFinding(eastTalk.id(), new FindingRequest(null)));
        assertFalse(new TalksAttachmentAccess(talks).mayRead("talk", eastTalk.id()));
        assertThrows(NotFoundException.class, () -> attachments.open(eastRecord.id()));

        assertEquals(List.of(), register(ofUnit(east.getId(), true)));
        List<List<String>> mine = register(TalkQuery.all());
        assertEquals(1, mine.size());
        assertTrue(mine.toString(), mine.get(0).contains("孙书记"));
        assertEquals(List.of(), talks.plan(2026, east.getId(), true, ZH).months().stream()
                .flatMap(m -> m.talks().stream()).collect(Collectors.toList()));

        CoverageQuery eastCoverage = new CoverageQuery(2026, east.getId(), true, null);
        assertEquals(0, talks.coverage(eastCoverage).total());
        assertEquals(0, talks.coveragePeople(eastCoverage, page()).getTotal());
        assertEquals(1, talks.coverage(new CoverageQuery(2026, null, false, null)).total());
        ByteArrayOutputStream coverage = new ByteArrayOutputStream();
        talks.exportCoverage(eastCoverage, ZH, coverage);
        Sheet people = workbook(coverage).sheets().get(0);
        assertEquals("no leader of east listed", RegisterSheet.HEADER_ROW, people.lastRow());
        assertEquals("unitId", assertThrows(ValidationException.class, () -> talks.planPolitical(2026,
                new PlanRequest(east.getId(), true, west.getId(), null))).getViolations().get(0).getField());

        assertEquals(List.of(), new TalksTimeline(talks, messages, clock).entries(eastTop.getId(), ZH));
        security.system();
        TalkDetailDto now = talks.talk(eastTalk.id(), ZH);
        assertEquals("what west tried left it as it was", List.of("CREATE", "ATTACH"), now.timeline().stream()
                .map(e -> e.action()).collect(Collectors.toList()));
        assertEquals(TalkStatus.HELD, now.talk().status());
        assertEquals(1, now.attachments().size());
    }

    @Test
    public void aSubordinateSeesNothingOfItsSuperiorsTalks() {
        as("town-officer", eastTown);
        assertEquals(List.of(townTalk.id()), listed(TalkQuery.all()));
        assertThrows(NotFoundException.class, () -> talks.talk(eastTalk.id(), ZH));
        assertEquals(0, talks.coverage(new CoverageQuery(2026, east.getId(), false, null)).total());
    }

    @Test
    public void theSupervisingUnitSeesItsSubordinatesTalks() {
        as("city-officer", city);
        assertEquals(Set.of(eastTalk.id(), townTalk.id(), westTalk.id()), Set.copyOf(listed(TalkQuery.all())));
        assertEquals(Set.of(eastTalk.id(), townTalk.id()), Set.copyOf(listed(ofUnit(east.getId(), true))));
        assertEquals(List.of(eastTalk.id()), listed(ofUnit(east.getId(), false)));
        assertEquals(eastTalk.id(), talks.talk(eastTalk.id(), ZH).talk().id());
        assertArrayEquals(PDF, attachments.open(eastRecord.id()).content());
        assertEquals(2, register(ofUnit(east.getId(), true)).size());
        assertEquals(3, talks.coverage(new CoverageQuery(2026, null, false, null)).covered());
        assertEquals(2, talks.coverage(new CoverageQuery(2026, east.getId(), true, null)).covered());
        TalkDto closed = talks.transition(eastTalk.id(), talks.talk(eastTalk.id(), ZH).talk().version(),
                TransitionRequest.of(TalkAction.CLOSE, "市纪委监委审核办结"), ZH).talk();
        assertEquals("city-officer", talks.talk(closed.id(), ZH).timeline().get(2).actor());
    }

    @Test
    public void nobodyNamesAUnitOrAPersonOutsideTheirScope() {
        as("east-officer", east, eastOfficer);
        ValidationException subject = assertThrows(ValidationException.class, () -> create(draft(TalkKind.REMINDER,
                east, westTop)));
        assertEquals("subjects[0].personId", subject.getViolations().get(0).getField());
        assertEquals(400, subject.getStatus());
        ValidationException owner = assertThrows(ValidationException.class, () -> create(draft(TalkKind.REMINDER,
                west, eastTop)));
        assertEquals("unitId", owner.getViolations().get(0).getField());
        long version = talks.talk(eastTalk.id(), ZH).talk().version();
        ValidationException edit = assertThrows(ValidationException.class, () -> talks.update(eastTalk.id(), version,
                draft(TalkKind.POLITICAL, east, eastTop, westTop).held(TODAY).build(), ZH));
        assertEquals("subjects[1].personId", edit.getViolations().get(0).getField());
        as("west-officer", west);
        assertEquals("subjects[0].personId", assertThrows(ValidationException.class, () -> create(
                draft(TalkKind.REMINDER, west, townTop))).getViolations().get(0).getField());
        assertEquals(3, count("tk_talk"));
    }
}
