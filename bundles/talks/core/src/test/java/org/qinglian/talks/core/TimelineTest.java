package org.qinglian.talks.core;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.api.spi.TimelineEntry;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TransitionRequest;

/**
 * The talks a person had or has planned, on their timeline (履历): by the register's rules, so a
 * sensitive talk only for who may read it, a cancelled one not at all, another's never; each entry
 * says the kind, the unit and the state, not what was said.
 */
public class TimelineTest extends TalksTestCase {

    private PersonDto colleague;
    private TalkDto reminder;
    private TalkDto political;
    private TalkDto sensitive;
    private TalksTimeline timeline;

    @Before
    public void talksOfTheLeadershipMember() {
        colleague = person("陈干部", east, p -> p.setInspectionCadre(true));
        as("east-officer", east, eastOfficer);
        reminder = create(draft(TalkKind.REMINDER, east, eastMember).held(LocalDate.of(2026, 2, 10)));
        political = create(draft(TalkKind.POLITICAL, east, eastMember).plannedOn(LocalDate.of(2026, 3, 31)));
        sensitive = create(draft(TalkKind.HEART_TO_HEART, east, eastMember).sensitivity(Sensitivity.SENSITIVE)
                .held(LocalDate.of(2026, 1, 5)).conductors(eastOfficer));
        TalkDto cancelled = create(draft(TalkKind.INTEGRITY, east, eastMember));
        move(cancelled, TransitionRequest.of(TalkAction.CANCEL, "取消"));
        create(draft(TalkKind.REMINDER, east, eastTop).held(TODAY));
        timeline = new TalksTimeline(talks, messages, clock);
    }

    private Map<String, TimelineEntry> entries(Locale locale) {
        return timeline.entries(eastMember.getId(), locale).stream()
                .collect(Collectors.toMap(TimelineEntry::route, Function.identity()));
    }

    private static String route(TalkDto t) {
        return "talks/talks/" + t.id();
    }

    @Test
    public void aColleagueWithoutNeedToKnowSeesTheTalksButTheSensitiveOne() {
        as("east-colleague", east, colleague);
        Map<String, TimelineEntry> entries = entries(ZH);
        assertEquals(Set.of(route(reminder), route(political)), entries.keySet());
        assertEquals(new TimelineEntry("talks", LocalDate.of(2026, 2, 10), "REMINDER", "谈话提醒", "东城区纪委监委 · 已谈话",
                route(reminder)), entries.get(route(reminder)));
        assertEquals(new TimelineEntry("talks", LocalDate.of(2026, 3, 31), "POLITICAL", "政治谈话", "东城区纪委监委 · 计划中",
                route(political)), entries.get(route(political)));
        assertEquals("talks:read", timeline.permission());
        assertEquals("talks", timeline.module());
    }

    @Test
    public void theConductorSeesTheSensitiveTalkToo() {
        as("east-officer", east, eastOfficer);
        Map<String, TimelineEntry> entries = entries(Locale.ENGLISH);
        assertEquals(Set.of(route(reminder), route(political), route(sensitive)), entries.keySet());
        TimelineEntry talk = entries.get(route(sensitive));
        assertEquals(LocalDate.of(2026, 1, 5), talk.date());
        assertEquals(messages.get(Locale.ENGLISH, "talks.kind.HEART_TO_HEART"), talk.title());
        assertEquals("东城区纪委监委 · Held", talk.detail());
        assertEquals(List.of(), timeline.entries(colleague.getId(), ZH));
    }

    @Test
    public void anotherUnitSeesNone() {
        as("west-officer", west);
        assertEquals(List.of(), timeline.entries(eastMember.getId(), ZH));
        as("city-leader", city);
        security.leaderOf(closure(city));
        assertEquals(3, timeline.entries(eastMember.getId(), ZH).size());
    }
}
