package org.qinglian.talks.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.api.sheet.RegisterSheet;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkService;
import org.qinglian.talks.api.TalkStatus;

/**
 * The register (谈话台账): its filters, paging and sorting over the talks in scope, and its sheet in
 * the layout offices keep, one row per talk without what was said, overdue follow-ups marked.
 */
public class RegisterTest extends TalksTestCase {

    private static final String SUMMARY = "传达全面从严治党要求，指出班子存在的突出问题";

    private PersonDto townTop;
    private PersonDto clerk;
    private TalkDto political;
    private TalkDto reminder;
    private TalkDto inquiry;
    private TalkDto town;

    @Before
    public void fourTalks() {
        townTop = person("赵街道书记", eastTown, p -> p.setTopLeader(true));
        clerk = person("赵记录员", east, p -> { });
        as("east-officer", east, eastOfficer);
        TalkDto held = create(draft(TalkKind.POLITICAL, east, eastTop).reason(TalkReason.ANNUAL_PLAN)
                .held(LocalDate.of(2026, 2, 10)).summary(SUMMARY).place("委机关第一会议室").conductors(eastOfficer)
                .recorder(clerk.getId()));
        political = move(held, requiring("召开专题民主生活会并报告整改情况", LocalDate.of(2026, 3, 10))).talk();
        reminder = create(draft(TalkKind.REMINDER, east, eastMember).reason(TalkReason.PROBLEM_CLUE)
                .sensitivity(Sensitivity.INTERNAL).plannedOn(LocalDate.of(2026, 3, 20)).place("谈话室_2"));
        inquiry = create(draft(TalkKind.INQUIRY, east, eastMember).reason(TalkReason.PROBLEM_CLUE)
                .plannedOn(LocalDate.of(2025, 12, 1)));
        town = create(draft(TalkKind.POLITICAL, eastTown, townTop).reason(TalkReason.ANNUAL_PLAN)
                .plannedOn(LocalDate.of(2026, 3, 31)));
    }

    private Set<UUID> found(TalkKind kind, TalkStatus status, TalkReason reason, Sensitivity sensitivity, UUID unit,
            boolean subordinates, Integer year, UUID person, String text) {
        return items(talks.talks(new TalkQuery(kind, status, reason, sensitivity, unit, subordinates, year, person, text,
                null, null), page(), ZH)).stream().map(TalkDto::id).collect(Collectors.toSet());
    }

    private static Set<UUID> ids(TalkDto... talks) {
        return Arrays.stream(talks).map(TalkDto::id).collect(Collectors.toSet());
    }

    @Test
    public void theRegisterFiltersEveryWayItOffers() {
        assertEquals(ids(political, reminder, inquiry, town), found(null, null, null, null, null, false, null, null, null));
        assertEquals(ids(political, town), found(TalkKind.POLITICAL, null, null, null, null, false, null, null, null));
        assertEquals(ids(reminder, inquiry, town), found(null, TalkStatus.PLANNED, null, null, null, false, null, null,
                null));
        assertEquals(ids(reminder, inquiry), found(null, null, TalkReason.PROBLEM_CLUE, null, null, false, null, null,
                null));
        assertEquals(ids(reminder), found(null, null, null, Sensitivity.INTERNAL, null, false, null, null, null));
        assertEquals(ids(political, reminder, inquiry), found(null, null, null, null, east.getId(), false, null, null,
                null));
        assertEquals(ids(political, reminder, inquiry, town), found(null, null, null, null, east.getId(), true, null,
                null, null));
        assertEquals(ids(town), found(null, null, null, null, eastTown.getId(), false, null, null, null));
        assertEquals(ids(inquiry), found(null, null, null, null, null, false, 2025, null, null));
        assertEquals(ids(reminder, inquiry), found(null, null, null, null, null, false, null, eastMember.getId(), null));
        assertEquals("a conductor is not a person talked to", Set.of(), found(null, null, null, null, null, false, null,
                eastOfficer.getId(), null));
        assertEquals("by the name of who was talked to", ids(reminder, inquiry), found(null, null, null, null, null,
                false, null, null, "王副"));
        assertEquals("by the place", ids(political), found(null, null, null, null, null, false, null, null, "第一会议"));
        assertEquals("wildcards are literal", ids(reminder), found(null, null, null, null, null, false, null, null,
                "室_"));
        assertEquals(Set.of(), found(null, null, null, null, null, false, null, null, "%"));
        assertEquals("not by what was said", Set.of(), found(null, null, null, null, null, false, null, null, "从严治党"));
    }

    @Test
    public void theRegisterPagesAndSortsByTheFieldsItAllows() {
        Page<TalkDto> first = talks.talks(TalkQuery.all(), PageRequest.of(1, 3, "-number", TalkService.SORTABLE), ZH);
        assertEquals(4, first.getTotal());
        assertEquals(List.of(town.id(), inquiry.id(), reminder.id()), first.getItems().stream().map(TalkDto::id)
                .collect(Collectors.toList()));
        Page<TalkDto> second = talks.talks(TalkQuery.all(), PageRequest.of(2, 3, "-number", TalkService.SORTABLE), ZH);
        assertEquals(List.of(political.id()), second.getItems().stream().map(TalkDto::id).collect(Collectors.toList()));
        assertEquals(4, second.getTotal());
        List<UUID> byPlan = items(talks.talks(TalkQuery.all(), PageRequest.of(1, 10, "plannedOn", TalkService.SORTABLE),
                ZH)).stream().map(TalkDto::id).collect(Collectors.toList());
        assertEquals(List.of(inquiry.id(), reminder.id(), town.id()), byPlan.subList(0, 3));
        assertTrue(political.number() < reminder.number() && reminder.number() < inquiry.number());
    }

    @Test
    public void theRegisterSheetHasOneRowPerTalkAndNothingOfWhatWasSaid() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        talks.exportRegister(new TalkQuery(null, null, null, null, east.getId(), false, 2026, null, null, null, null),
                ZH, out);
        Sheet sheet = workbook(out).sheets().get(0);
        assertEquals("谈话台账", sheet.name());
        assertEquals("东城区纪委监委关键少数谈话台账", sheet.value(RegisterSheet.TITLE_ROW, 0));
        assertEquals("年度：2026　　导出日期：2026年3月2日", sheet.value(RegisterSheet.SUBTITLE_ROW, 0));
        List<List<String>> rows = rows(sheet);
        assertEquals(Arrays.asList("序号", "谈话类型", "谈话对象", "职务身份", "所在单位", "谈话事由", "谈话日期", "地点", "谈话人",
                "记录人", "状态", "整改要求", "整改时限", "密级"), rows.get(RegisterSheet.HEADER_ROW));
        assertEquals(RegisterSheet.FIRST_DATA_ROW + 2, rows.size());
        assertEquals(Arrays.asList("1", "政治谈话", "张书记", "一把手", "东城区纪委监委", "年度计划", "2026-02-10", "委机关第一会议室",
                "李干部", "赵记录员", "待整改落实", "召开专题民主生活会并报告整改情况", "2026-03-10", "普通"),
                rows.get(RegisterSheet.FIRST_DATA_ROW));
        assertEquals(Arrays.asList("2", "谈话提醒", "王副书记", "班子成员", "东城区纪委监委", "问题线索", "2026-03-20", "谈话室_2",
                "", null, "计划中", null, null, "内部"), rows.get(RegisterSheet.FIRST_DATA_ROW + 1));
        assertFalse(rows.toString().contains("从严治党"));
        assertEquals(RegisterSheet.CHINESE_DATE, sheet.style(RegisterSheet.FIRST_DATA_ROW, 6).dateFormat());
        assertEquals(null, sheet.style(RegisterSheet.FIRST_DATA_ROW, 12).fill());
        assertTrue(audit.actions().contains("talks.register.export"));

        today(LocalDate.of(2026, 3, 11));
        ByteArrayOutputStream late = new ByteArrayOutputStream();
        talks.exportRegister(new TalkQuery(null, null, null, null, east.getId(), false, 2026, null, null, null, null),
                Locale.ENGLISH, late);
        Sheet english = workbook(late).sheets().get(0);
        assertEquals("No.", english.value(RegisterSheet.HEADER_ROW, 0));
        assertEquals("Political talk", english.value(RegisterSheet.FIRST_DATA_ROW, 1));
        assertEquals(RegisterSheet.ISO_DATE, english.style(RegisterSheet.FIRST_DATA_ROW, 6).dateFormat());
        String fill = english.style(RegisterSheet.FIRST_DATA_ROW, 12).fill();
        assertTrue("the overdue follow-up is marked: " + fill, fill != null
                && fill.toUpperCase(Locale.ROOT).endsWith(RegisterSheet.ALERT_FILL));
        assertEquals(null, english.style(RegisterSheet.FIRST_DATA_ROW + 1, 12).fill());
    }
}
