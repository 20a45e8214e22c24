package org.qinglian.talks.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.sheet.RegisterSheet;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.platform.api.sheet.Workbook;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.talks.api.CoverageDto;
import org.qinglian.talks.api.CoveragePersonDto;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.PlanDto;
import org.qinglian.talks.api.PlanRequest;
import org.qinglian.talks.api.PlanResult;
import org.qinglian.talks.api.SubjectRole;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkStatus;
import org.qinglian.talks.api.TransitionRequest;

/**
 * The annual coverage of political talks (全覆盖): every top leader and leadership member of the
 * units in question is covered by a political talk that took place in the year, and by nothing
 * else; the figures by unit, the people with their paging and filter, the sheet of both, and the
 * planning of the missing talks at once.
 */
public class CoverageTest extends TalksTestCase {

    private static final CoverageQuery EAST_AND_TOWN = new CoverageQuery(2026, null, false, null);

    private PersonDto townTop;
    private PersonDto townMember;
    private PersonDto westTop;

    @Before
    public void leaders() {
        townTop = person("赵街道书记", eastTown, p -> p.setTopLeader(true));
        townMember = person("钱副书记", eastTown, p -> p.setLeadershipMember(true));
        westTop = person("孙书记", west, p -> p.setTopLeader(true));
        person("周科长", east, p -> p.setYoungCadre(true));
        as("east-officer", east, eastOfficer);
        audit.clear();
    }

    /** A political talk with the person, owned by the unit, brought to the state on the date. */
    private TalkDto political(PersonDto who, UnitDto owner, TalkStatus status, LocalDate date) {
        Draft d = draft(TalkKind.POLITICAL, owner, who).reason(TalkReason.ANNUAL_PLAN);
        if (status == TalkStatus.PLANNED || status == TalkStatus.CANCELLED) {
            TalkDto t = create(d.plannedOn(date));
            return status == TalkStatus.CANCELLED ? move(t, TransitionRequest.of(TalkAction.CANCEL, "调整计划")).talk() : t;
        }
        TalkDto t = create(d.held(date));
        if (status == TalkStatus.CLOSED) {
            return move(t, TransitionRequest.of(TalkAction.CLOSE, null)).talk();
        }
        if (status == TalkStatus.FOLLOW_UP_PENDING) {
            return move(t, requiring("抓好整改", LocalDate.of(2026, 6, 30))).talk();
        }
        return t;
    }

    private Map<UUID, CoveragePersonDto> people(CoverageQuery query) {
        return items(talks.coveragePeople(query, page())).stream()
                .collect(Collectors.toMap(CoveragePersonDto::personId, Function.identity()));
    }

    private Set<UUID> covered(CoverageQuery query) {
        return people(query).values().stream().filter(CoveragePersonDto::covered).map(CoveragePersonDto::personId)
                .collect(Collectors.toSet());
    }

    private static Map<UUID, CoverageDto.UnitCoverage> byUnit(CoverageDto figures) {
        return figures.byUnit().stream().collect(Collectors.toMap(CoverageDto.UnitCoverage::unitId, Function.identity()));
    }

    @Test
    public void onlyAPoliticalTalkThatTookPlaceInTheYearCoversALeader() {
        TalkDto held = political(eastTop, east, TalkStatus.HELD, TODAY);
        political(eastMember, east, TalkStatus.PLANNED, LocalDate.of(2026, 3, 31));
        political(eastMember, east, TalkStatus.CANCELLED, LocalDate.of(2026, 3, 10));
        political(eastMember, east, TalkStatus.HELD, LocalDate.of(2025, 12, 15));
        create(draft(TalkKind.REMINDER, east, eastMember).held(TODAY));
        political(townTop, east, TalkStatus.CLOSED, LocalDate.of(2026, 1, 20));
        political(townMember, east, TalkStatus.FOLLOW_UP_PENDING, LocalDate.of(2026, 2, 10));

        CoverageDto figures = talks.coverage(EAST_AND_TOWN);
        assertEquals(2026, figures.year());
        assertEquals("the young cadre is no leader to cover", 4, figures.total());
        assertEquals(3, figures.covered());
        assertEquals(1, figures.missing());
        assertEquals(0.75, figures.rate(), 1e-9);
        Map<UUID, CoverageDto.UnitCoverage> units = byUnit(figures);
        assertEquals(Set.of(east.getId(), eastTown.getId()), units.keySet());
        assertEquals(new CoverageDto.UnitCoverage(east.getId(), "东城区纪委监委", 2, 1, 1, 0.5), units.get(east.getId()));
        assertEquals(new CoverageDto.UnitCoverage(eastTown.getId(), "东城区长安街道纪工委", 2, 2, 0, 1.0),
                units.get(eastTown.getId()));

        Map<UUID, CoveragePersonDto> people = people(EAST_AND_TOWN);
        assertEquals(new CoveragePersonDto(eastTop.getId(), "张书记", east.getId(), "东城区纪委监委",
                SubjectRole.TOP_LEADER, true, TODAY, held.id()), people.get(eastTop.getId()));
        CoveragePersonDto member = people.get(eastMember.getId());
        assertEquals(SubjectRole.LEADERSHIP_MEMBER, member.role());
        assertEquals(false, member.covered());
        assertNull(member.talkDate());
        assertNull(member.talkId());
        assertEquals(LocalDate.of(2026, 1, 20), people.get(townTop.getId()).talkDate());

        CoverageQuery lastYear = new CoverageQuery(2025, east.getId(), false, null);
        assertEquals(Set.of(eastMember.getId()), covered(lastYear));
        assertEquals(1, talks.coverage(lastYear).covered());
    }

    @Test
    public void aUnitWithOrWithoutItsSubordinatesAndTheMissingFilterWithPaging() {
        political(eastTop, east, TalkStatus.HELD, TODAY);
        political(townTop, east, TalkStatus.HELD, TODAY);

        assertEquals(2, talks.coverage(new CoverageQuery(2026, east.getId(), false, null)).total());
        assertEquals(Set.of(eastTop.getId(), eastMember.getId()), people(new CoverageQuery(2026, east.getId(), false,
                null)).keySet());
        CoverageDto withTown = talks.coverage(new CoverageQuery(2026, east.getId(), true, null));
        assertEquals(4, withTown.total());
        assertEquals(2, withTown.covered());
        assertEquals(4, talks.coverage(EAST_AND_TOWN).total());
        assertEquals(2, talks.coverage(new CoverageQuery(2026, eastTown.getId(), true, null)).total());

        CoverageQuery missing = new CoverageQuery(2026, east.getId(), true, true);
        CoverageQuery coveredOnly = new CoverageQuery(2026, east.getId(), true, false);
        assertEquals(Set.of(eastMember.getId(), townMember.getId()), people(missing).keySet());
        assertEquals(Set.of(eastTop.getId(), townTop.getId()), people(coveredOnly).keySet());
        assertEquals(2, talks.coveragePeople(missing, page()).getTotal());

        CoverageQuery all = new CoverageQuery(2026, east.getId(), true, null);
        List<UUID> paged = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            var slice = talks.coveragePeople(all, PageRequest.of(p, 3, null, Set.of()));
            assertEquals(4, slice.getTotal());
            assertEquals(p, slice.getPage());
            slice.getItems().forEach(i -> paged.add(i.personId()));
            assertEquals(p == 1 ? 3 : p == 2 ? 4 : 4, paged.size());
        }
        assertEquals(Set.of(eastTop.getId(), eastMember.getId(), townTop.getId(), townMember.getId()), Set.copyOf(paged));

        as("city-officer", city);
        CoverageDto everything = talks.coverage(new CoverageQuery(2026, null, false, null));
        assertEquals(5, everything.total());
        assertEquals(new CoverageDto.UnitCoverage(west.getId(), "西城区纪委监委", 1, 0, 1, 0.0),
                byUnit(everything).get(west.getId()));
    }

    @Test
    public void onlyTalksOfUnitsInTheCallersScopeCount() {
        as("city-officer", city);
        political(westTop, city, TalkStatus.HELD, TODAY);
        assertEquals(Set.of(westTop.getId()), covered(new CoverageQuery(2026, west.getId(), false, null)));
        as("west-officer", west);
        assertEquals("the city's talk is not the west's to see", Set.of(),
                covered(new CoverageQuery(2026, west.getId(), false, null)));
        assertEquals(1, talks.coverage(new CoverageQuery(2026, west.getId(), false, null)).total());
    }

    @Test
    public void planningPlansOneTalkPerMissingLeaderOnceHoweverOftenItRuns() {
        political(eastTop, east, TalkStatus.HELD, TODAY);
        political(eastMember, east, TalkStatus.PLANNED, LocalDate.of(2026, 5, 10));
        political(townMember, east, TalkStatus.CANCELLED, LocalDate.of(2026, 3, 10));
        political(townMember, east, TalkStatus.HELD, LocalDate.of(2025, 11, 3));
        long before = count("tk_talk");

        PlanResult result = talks.planPolitical(2026, new PlanRequest(east.getId(), true, null, null));
        assertEquals(new PlanResult(2, 2), result);
        assertEquals(before + 2, count("tk_talk"));
        List<TalkDto> planned = items(talks.talks(new TalkQuery(TalkKind.POLITICAL, TalkStatus.PLANNED,
                TalkReason.ANNUAL_PLAN, null, null, false, 2026, null, null, null, null), page(), ZH)).stream()
                .filter(t -> t.plannedOn().equals(LocalDate.of(2026, 3, 31))).collect(Collectors.toList());
        assertEquals(Set.of(townTop.getId(), townMember.getId()), planned.stream()
                .map(t -> t.subjects().get(0).personId()).collect(Collectors.toSet()));
        for (TalkDto t : planned) {
            assertEquals("the caller's unit conducts them", east.getId(), t.unitId());
            assertEquals(1, t.subjects().size());
            assertEquals(eastTown.getId(), t.subjects().get(0).unitId());
            assertEquals(t.subjects().get(0).personId().equals(townTop.getId()) ? SubjectRole.TOP_LEADER
                    : SubjectRole.LEADERSHIP_MEMBER, t.subjects().get(0).role());
            assertEquals(List.of("CREATE"), talks.talk(t.id(), ZH).timeline().stream().map(e -> e.action())
                    .collect(Collectors.toList()));
        }
        assertTrue(audit.actions().contains("talks.plan.political"));

        assertEquals(new PlanResult(0, 4), talks.planPolitical(2026, new PlanRequest(east.getId(), true, null, null)));
        assertEquals(before + 2, count("tk_talk"));
        assertEquals("planned is not covered", 1, talks.coverage(new CoverageQuery(2026, east.getId(), true, null))
                .covered());

        as("city-officer", city);
        PlanResult west2027 = talks.planPolitical(2027, new PlanRequest(west.getId(), false, null,
                LocalDate.of(2027, 2, 1)));
        assertEquals(new PlanResult(1, 0), west2027);
        TalkDto westTalk = items(talks.talks(new TalkQuery(TalkKind.POLITICAL, null, null, null, city.getId(), false,
                2027, westTop.getId(), null, null, null), page(), ZH)).get(0);
        assertEquals(LocalDate.of(2027, 2, 1), westTalk.plannedOn());
        assertEquals(2027, westTalk.year());
    }

    @Test
    public void planningManyLeadersWritesEachTalkWithItsSubjectAndHistory() {
        int many = TalkServiceImpl.BATCH + 20;
        for (int i = 0; i < many; i++) {
            person("班子成员" + i, west, p -> p.setLeadershipMember(true));
        }
        as("city-officer", city);
        assertEquals(new PlanResult(many + 1, 0), talks.planPolitical(2026, new PlanRequest(west.getId(), false, null,
                null)));
        assertEquals(many + 1, count("tk_talk"));
        assertEquals(many + 1, count("tk_talk_person"));
        assertEquals(many + 1, count("tk_timeline"));
        assertEquals(many + 1, talks.coverage(new CoverageQuery(2026, west.getId(), false, null)).missing());
        assertEquals("conducted by the city", many + 1, talks.plan(2026, city.getId(), false, ZH).planned());
    }

    @Test
    public void planningRefusesWhatItCannotPlan() {
        as("east-officer", east, eastOfficer);
        assertEquals(Set.of("year", "unitId"), fields(() -> talks.planPolitical(1999,
                new PlanRequest(null, false, null, null))));
        assertEquals(Set.of("plannedOn"), fields(() -> talks.planPolitical(2026,
                new PlanRequest(east.getId(), false, null, LocalDate.of(2027, 1, 1)))));
        assertEquals(Set.of("unitId"), fields(() -> talks.planPolitical(2026,
                new PlanRequest(west.getId(), false, null, null))));
        assertEquals(Set.of("ownerUnitId"), fields(() -> talks.planPolitical(2026,
                new PlanRequest(east.getId(), false, west.getId(), null))));
        security.system();
        assertEquals("the console names the conducting unit", Set.of("ownerUnitId"), fields(() -> talks.planPolitical(
                2026, new PlanRequest(east.getId(), false, null, null))));
        assertEquals(0, count("tk_talk"));
    }

    private static Set<String> fields(org.junit.function.ThrowingRunnable r) {
        return assertThrows(ValidationException.class, r).getViolations().stream().map(FieldViolation::getField)
                .collect(Collectors.toSet());
    }

    @Test
    public void theYearsPlanCountsTalksByMonth() {
        political(eastTop, east, TalkStatus.HELD, LocalDate.of(2026, 2, 27));
        political(eastMember, east, TalkStatus.PLANNED, LocalDate.of(2026, 3, 31));
        political(townTop, east, TalkStatus.CANCELLED, LocalDate.of(2026, 3, 5));
        political(townMember, east, TalkStatus.PLANNED, LocalDate.of(2027, 1, 5));
        PlanDto plan = talks.plan(2026, east.getId(), false, ZH);
        assertEquals(12, plan.months().size());
        assertEquals(1, plan.planned());
        assertEquals(1, plan.held());
        assertEquals(1, plan.cancelled());
        PlanDto.Month march = plan.months().get(2);
        assertEquals("2026-03", march.month());
        assertEquals(1, march.planned());
        assertEquals(0, march.held());
        assertEquals(2, march.talks().size());
        assertEquals(1, plan.months().get(1).held());
    }

    @Test
    public void theCoverageSheetListsEveryLeaderAndTheFiguresByUnit() throws Exception {
        political(eastTop, east, TalkStatus.HELD, TODAY);
        political(townTop, east, TalkStatus.CLOSED, LocalDate.of(2026, 1, 20));
        political(townMember, east, TalkStatus.HELD, LocalDate.of(2026, 2, 10));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        talks.exportCoverage(new CoverageQuery(2026, east.getId(), true, null), ZH, out);
        Workbook book = workbook(out);
        assertEquals(List.of("全覆盖情况", "分单位统计"), book.sheets().stream().map(Sheet::name)
                .collect(Collectors.toList()));

        Sheet people = book.sheets().get(0);
        assertEquals("2026年度“一把手”和领导班子成员政治谈话全覆盖情况", people.value(RegisterSheet.TITLE_ROW, 0));
        assertEquals("范围：东城区纪委监委　　导出日期：2026年3月2日", people.value(RegisterSheet.SUBTITLE_ROW, 0));
        List<List<String>> rows = rows(people);
        assertEquals(Arrays.asList("序号", "单位", "姓名", "身份", "是否已谈", "谈话日期"), rows.get(RegisterSheet.HEADER_ROW));
        List<List<String>> data = rows.subList(RegisterSheet.FIRST_DATA_ROW, rows.size());
        assertEquals(4, data.size());
        assertEquals(List.of("1", "2", "3", "4"), data.stream().map(r -> r.get(0)).collect(Collectors.toList()));
        Set<List<String>> leaders = data.stream().map(r -> r.subList(1, 6)).collect(Collectors.toSet());
        assertEquals(Set.of(Arrays.asList("东城区纪委监委", "张书记", "一把手", "已谈", "2026-03-02"),
                Arrays.asList("东城区纪委监委", "王副书记", "班子成员", "未谈", null),
                Arrays.asList("东城区长安街道纪工委", "赵街道书记", "一把手", "已谈", "2026-01-20"),
                Arrays.asList("东城区长安街道纪工委", "钱副书记", "班子成员", "已谈", "2026-02-10")), leaders);
        for (int r = RegisterSheet.FIRST_DATA_ROW; r <= people.lastRow(); r++) {
            boolean missing = "未谈".equals(people.value(r, 4));
            String fill = people.style(r, 2).fill();
            assertEquals("row " + r, missing, fill != null && fill.toUpperCase().endsWith(RegisterSheet.ALERT_FILL));
        }

        Sheet units = book.sheets().get(1);
        List<List<String>> unitRows = rows(units);
        assertEquals(Arrays.asList("序号", "单位", "应谈人数", "已谈人数", "未谈人数", "覆盖率"),
                unitRows.get(RegisterSheet.HEADER_ROW));
        Set<List<String>> byUnit = unitRows.subList(RegisterSheet.FIRST_DATA_ROW, unitRows.size() - 1).stream()
                .map(r -> r.subList(1, 6)).collect(Collectors.toSet());
        assertEquals(Set.of(Arrays.asList("东城区纪委监委", "2", "1", "1", "50.0%"),
                Arrays.asList("东城区长安街道纪工委", "2", "2", "0", "100.0%")), byUnit);
        assertEquals(Arrays.asList(null, "合计", "4", "3", "1", "75.0%"), unitRows.get(unitRows.size() - 1));
        assertTrue(audit.actions().contains("talks.coverage.export"));
        assertEquals(1L, (long) TestDatabase.value(Long.class, "select count(*) from tk_talk where status = 'CLOSED'"));
    }
}
