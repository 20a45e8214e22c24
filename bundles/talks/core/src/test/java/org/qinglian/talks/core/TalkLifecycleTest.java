package org.qinglian.talks.core;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.StaleVersionException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.talks.api.Assessment;
import org.qinglian.talks.api.PersonRef;
import org.qinglian.talks.api.SubjectDraft;
import org.qinglian.talks.api.SubjectDto;
import org.qinglian.talks.api.SubjectRole;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkDetailDto;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkStatus;
import org.qinglian.talks.api.TimelineEntryDto;
import org.qinglian.talks.api.TransitionRequest;

/**
 * A talk's and a letter of inquiry's lifecycle on PostgreSQL: what each move needs, where it
 * leads, what it writes on the timeline and the audit trail and which events leave through the
 * outbox once committed; stale versions, illegal moves and bad drafts change nothing.
 */
public class TalkLifecycleTest extends TalksTestCase {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 4, 30);

    private PersonDto clerk;

    @Before
    public void signIn() {
        clerk = person("赵记录员", east, p -> { });
        as("east-officer", east, eastOfficer);
        audit.clear();
    }

    private static Set<String> fields(ProblemException e) {
        return e.getViolations().stream().map(FieldViolation::getField).collect(Collectors.toSet());
    }

    private static Set<String> fields(Class<? extends ProblemException> type, org.junit.function.ThrowingRunnable r) {
        return fields(assertThrows(type, r));
    }

    private static List<String> actions(TalkDetailDto d) {
        return d.timeline().stream().map(TimelineEntryDto::action).collect(Collectors.toList());
    }

    /** The talk's own audited acts (reads aside), in order. */
    private List<AuditEvent> acts(TalkDto t) {
        return audit.inTransaction.stream().filter(e -> t.id().toString().equals(e.getRecordId())
                && !e.getAction().endsWith(".read")).collect(Collectors.toList());
    }

    @Test
    public void aTalkGoesFromPlannedThroughHeldAndItsFollowUpToClosed() {
        TalkDto t = create(draft(TalkKind.POLITICAL, east, eastTop).reason(TalkReason.ANNUAL_PLAN)
                .conductors(eastOfficer).recorder(clerk.getId()));
        assertEquals(TalkStatus.PLANNED, t.status());
        assertEquals(2026, t.year());
        assertEquals(LocalDate.of(2026, 3, 20), t.plannedOn());
        assertNull(t.heldOn());
        assertEquals(east.getId(), t.unitId());
        assertEquals("东城区纪委监委", t.unitName());
        assertEquals(List.of(new SubjectDto(eastTop.getId(), "张书记", east.getId(), "东城区纪委监委",
                SubjectRole.TOP_LEADER)), t.subjects());
        assertEquals("张书记", t.subjectNames());
        assertEquals(List.of(new PersonRef(eastOfficer.getId(), "李干部")), t.conductors());
        assertEquals(new PersonRef(clerk.getId(), "赵记录员"), t.recorder());
        assertFalse(t.proposed());
        TalkDetailDto d = talks.talk(t.id(), ZH);
        assertEquals(EnumSet.of(TalkAction.HOLD, TalkAction.CANCEL), d.allowedActions());
        assertFalse("no ledger, nothing to raise", d.canRaiseFinding());

        assertEquals(Set.of("heldOn", "summary"), fields(ValidationException.class, () -> move(t,
                holding(null, " "))));
        ValidationException future = assertThrows(ValidationException.class, () -> move(t,
                holding(TODAY.plusDays(1), "谈话内容")));
        assertEquals(Set.of("heldOn"), fields(future));
        assertEquals("validation.talks.inFuture", future.getViolations().get(0).getMessageKey());

        TalkDetailDto held = move(t, holding(TODAY, "指出存在的问题并提出要求"));
        assertEquals(TalkStatus.HELD, held.talk().status());
        assertEquals(TODAY, held.talk().heldOn());
        assertEquals("谈话室", held.talk().place());
        assertEquals("指出存在的问题并提出要求", held.summary());
        assertEquals("表示坚决整改", held.statement());
        assertEquals(EnumSet.of(TalkAction.REQUIRE_FOLLOW_UP, TalkAction.CLOSE), held.allowedActions());
        assertTrue(held.talk().version() > t.version());

        assertEquals(Set.of("followUp", "followUpDeadline"), fields(ValidationException.class, () -> move(held,
                requiring(null, null))));
        ValidationException past = assertThrows(ValidationException.class, () -> move(held,
                requiring("整改", TODAY.minusDays(1))));
        assertEquals(Set.of("followUpDeadline"), fields(past));
        assertEquals("validation.talks.deadlinePast", past.getViolations().get(0).getMessageKey());

        TalkDetailDto pending = move(held, requiring("一个月内书面报告整改情况", DEADLINE));
        assertEquals(TalkStatus.FOLLOW_UP_PENDING, pending.talk().status());
        assertEquals("一个月内书面报告整改情况", pending.followUp());
        assertEquals(DEADLINE, pending.talk().followUpDeadline());
        assertFalse(pending.talk().followUpOverdue());
        assertEquals(EnumSet.of(TalkAction.COMPLETE_FOLLOW_UP), pending.allowedActions());

        assertEquals(Set.of("followUpResult"), fields(ValidationException.class, () -> move(pending,
                completing(""))));
        clock.advance(Duration.ofDays(1));
        TalkDetailDto closed = move(pending, completing("已召开专题民主生活会，整改到位"));
        assertEquals(TalkStatus.CLOSED, closed.talk().status());
        assertEquals("已召开专题民主生活会，整改到位", closed.followUpResult());
        assertEquals(clock.now(), closed.followUpDoneAt());
        assertEquals(Set.of(), closed.allowedActions());

        assertEquals(List.of("CREATE", "HOLD", "REQUIRE_FOLLOW_UP", "COMPLETE_FOLLOW_UP"), actions(closed));
        assertEquals(List.of("null>PLANNED", "PLANNED>HELD", "HELD>FOLLOW_UP_PENDING", "FOLLOW_UP_PENDING>CLOSED"),
                closed.timeline().stream().map(e -> e.from() + ">" + e.to()).collect(Collectors.toList()));
        assertTrue(closed.timeline().stream().allMatch(e -> "east-officer".equals(e.actor())));

        List<AuditEvent> acts = acts(t);
        assertEquals(List.of("talks.talk.create", "talks.talk.hold", "talks.talk.require_follow_up",
                "talks.talk.complete_follow_up"), acts.stream().map(AuditEvent::getAction).collect(Collectors.toList()));
        assertEquals(List.of("PLANNED->HELD", "HELD->FOLLOW_UP_PENDING", "FOLLOW_UP_PENDING->CLOSED"), acts.subList(1, 4)
                .stream().map(AuditEvent::getDetail).collect(Collectors.toList()));

        assertEquals("events leave only through the outbox", List.of(), events);
        assertEquals("the refused moves published nothing", List.of(Topics.TALKS_TALK_PLANNED, Topics.TALKS_TALK_HELD,
                Topics.TALKS_FOLLOW_UP_REQUIRED, Topics.TALKS_TALK_CLOSED), dispatched());
        for (Event e : events) {
            assertEquals("talks", e.getProperty(EventKeys.MODULE));
            assertEquals(t.id().toString(), e.getProperty(EventKeys.TALK_ID));
            assertEquals("POLITICAL", e.getProperty(EventKeys.KIND));
            assertEquals(east.getId().toString(), e.getProperty(EventKeys.UNIT_ID));
            assertEquals("east-officer", e.getProperty(EventKeys.ACTOR));
        }
        assertEquals("PLANNED", events.get(1).getProperty(EventKeys.FROM));
        assertEquals("HELD", events.get(1).getProperty(EventKeys.TO));
        assertEquals(DEADLINE.toString(), events.get(2).getProperty(EventKeys.DEADLINE));
        assertEquals("CLOSED", events.get(3).getProperty(EventKeys.TO));
        assertEquals(0, outbox.dispatch());
    }

    @Test
    public void aTalkRecordedAfterwardsStartsHeldAndClosesWithNothingToFollowUp() {
        assertEquals(Set.of("summary"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER, east,
                eastMember).held(TODAY).summary(null))));
        assertEquals(Set.of("heldOn"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER, east,
                eastMember).held(TODAY.plusDays(1)))));

        TalkDto t = create(draft(TalkKind.REMINDER, east, eastMember).held(TODAY).conductors(eastOfficer));
        assertEquals(TalkStatus.HELD, t.status());
        assertEquals(TODAY, t.heldOn());
        assertEquals(SubjectRole.LEADERSHIP_MEMBER, t.subjects().get(0).role());
        TalkDetailDto d = talks.talk(t.id(), ZH);
        assertEquals(EnumSet.of(TalkAction.REQUIRE_FOLLOW_UP, TalkAction.CLOSE), d.allowedActions());
        assertEquals(TalkStatus.HELD, d.timeline().get(0).to());
        TalkDto lastYear = create(draft(TalkKind.REMINDER, east, eastMember).held(LocalDate.of(2025, 12, 30)));
        assertEquals(2025, lastYear.year());

        TalkDetailDto closed = move(t, TransitionRequest.of(TalkAction.CLOSE, "无需整改"));
        assertEquals(TalkStatus.CLOSED, closed.talk().status());
        assertEquals("无需整改", closed.timeline().get(1).note());
        assertEquals(List.of(Topics.TALKS_TALK_HELD, Topics.TALKS_TALK_HELD, Topics.TALKS_TALK_CLOSED), dispatched());
        assertEquals(List.of("talks.talk.create", "talks.talk.close"), acts(t).stream().map(AuditEvent::getAction)
                .collect(Collectors.toList()));
        assertEquals(2, count("tk_talk"));
    }

    @Test
    public void cancellingNeedsAReasonAndEndsTheTalk() {
        TalkDto t = create(draft(TalkKind.HEART_TO_HEART, east, eastMember));
        assertEquals(Set.of("note"), fields(ValidationException.class, () -> move(t,
                TransitionRequest.of(TalkAction.CANCEL, " "))));
        assertEquals(Set.of("note"), fields(ValidationException.class, () -> move(t,
                TransitionRequest.of(TalkAction.CANCEL, null))));
        TalkDetailDto cancelled = move(t, TransitionRequest.of(TalkAction.CANCEL, "谈话对象已调离"));
        assertEquals(TalkStatus.CANCELLED, cancelled.talk().status());
        TimelineEntryDto last = cancelled.timeline().get(cancelled.timeline().size() - 1);
        assertEquals("CANCEL", last.action());
        assertEquals("谈话对象已调离", last.note());
        assertEquals(TalkStatus.PLANNED, last.from());
        assertEquals(Set.of(), cancelled.allowedActions());
        assertTrue(audit.actions().contains("talks.talk.cancel"));

        TalkDto now = cancelled.talk();
        ConflictException hold = assertThrows(ConflictException.class, () -> move(now, holding(TODAY, "谈话")));
        assertEquals("problem.talks.illegalTransition", hold.getMessageKey());
        ConflictException edit = assertThrows(ConflictException.class, () -> talks.update(now.id(), now.version(),
                draft(TalkKind.HEART_TO_HEART, east, eastMember).build(), ZH));
        assertEquals("problem.talks.finished", edit.getMessageKey());
        ConflictException attach = assertThrows(ConflictException.class, () -> talks.attach(now.id(), "记录.pdf", PDF));
        assertEquals("problem.talks.finished", attach.getMessageKey());

        TalkDto held = create(draft(TalkKind.HEART_TO_HEART, east, eastMember).held(TODAY));
        assertEquals(409, assertThrows(ConflictException.class, () -> move(held,
                TransitionRequest.of(TalkAction.CANCEL, "理由"))).getStatus());
    }

    @Test
    public void aLetterOfInquiryIsSentAnsweredAssessedAndClosed() {
        assertEquals(Set.of("heldOn"), fields(ValidationException.class, () -> create(draft(TalkKind.INQUIRY, east,
                eastMember).held(TODAY))));
        assertEquals(Set.of("replyDeadline"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER,
                east, eastMember).replyDeadline(TODAY.plusDays(10)))));

        TalkDto letter = create(draft(TalkKind.INQUIRY, east, eastMember).reason(TalkReason.PROBLEM_CLUE));
        assertEquals(TalkStatus.PLANNED, letter.status());
        assertEquals(EnumSet.of(TalkAction.SEND, TalkAction.CANCEL), talks.talk(letter.id(), ZH).allowedActions());
        ConflictException hold = assertThrows(ConflictException.class, () -> move(letter, holding(TODAY, "谈话")));
        assertEquals("problem.talks.illegalTransition", hold.getMessageKey());
        assertEquals("talks.action.HOLD", hold.getArgs()[0]);
        assertEquals("talks.status.PLANNED", hold.getArgs()[1]);

        assertEquals(Set.of("sentOn", "replyDeadline"), fields(ValidationException.class, () -> move(letter,
                sending(null, null))));
        ValidationException early = assertThrows(ValidationException.class, () -> move(letter,
                sending(TODAY, TODAY.minusDays(1))));
        assertEquals(Set.of("replyDeadline"), fields(early));
        assertEquals("validation.talks.deadlineBeforeSent", early.getViolations().get(0).getMessageKey());
        assertEquals(Set.of("sentOn"), fields(ValidationException.class, () -> move(letter,
                sending(TODAY.plusDays(1), TODAY.plusDays(10)))));

        TalkDetailDto sent = move(letter, sending(TODAY, LocalDate.of(2026, 3, 16)));
        assertEquals(TalkStatus.SENT, sent.talk().status());
        assertEquals(TODAY, sent.sentOn());
        assertEquals(LocalDate.of(2026, 3, 16), sent.talk().replyDeadline());
        assertFalse(sent.talk().replyOverdue());
        assertEquals(EnumSet.of(TalkAction.RECORD_REPLY), sent.allowedActions());
        today(LocalDate.of(2026, 3, 16));
        assertFalse("due today is not late", talks.talk(letter.id(), ZH).talk().replyOverdue());
        today(LocalDate.of(2026, 3, 17));
        assertTrue(talks.talk(letter.id(), ZH).talk().replyOverdue());

        assertEquals(Set.of("reply"), fields(ValidationException.class, () -> move(sent, replying(" ", null))));
        assertEquals(Set.of("repliedOn"), fields(ValidationException.class, () -> move(sent,
                replying("回复", LocalDate.of(2026, 3, 1)))));
        assertEquals(Set.of("repliedOn"), fields(ValidationException.class, () -> move(sent,
                replying("回复", LocalDate.of(2026, 3, 18)))));
        TalkDetailDto replied = move(sent, replying("本人对反映的问题作如下说明", null));
        assertEquals(TalkStatus.REPLIED, replied.talk().status());
        assertEquals(LocalDate.of(2026, 3, 17), replied.repliedOn());
        assertEquals("本人对反映的问题作如下说明", replied.reply());
        assertFalse("answered, no longer late", replied.talk().replyOverdue());
        assertEquals(EnumSet.of(TalkAction.ASSESS), replied.allowedActions());

        assertEquals(Set.of("assessment"), fields(ValidationException.class, () -> move(replied,
                assessing(null, "意见"))));
        TalkDetailDto assessed = move(replied, assessing(Assessment.NOT_CREDIBLE, "反映问题不属实，予以了结"));
        assertEquals(TalkStatus.ASSESSED, assessed.talk().status());
        assertEquals(Assessment.NOT_CREDIBLE, assessed.assessment());
        assertEquals("反映问题不属实，予以了结", assessed.assessmentNote());
        assertEquals(EnumSet.of(TalkAction.REQUIRE_FOLLOW_UP, TalkAction.CLOSE), assessed.allowedActions());

        TalkDetailDto closed = move(assessed, TransitionRequest.of(TalkAction.CLOSE, null));
        assertEquals(TalkStatus.CLOSED, closed.talk().status());
        assertEquals(List.of("CREATE", "SEND", "RECORD_REPLY", "ASSESS", "CLOSE"), actions(closed));
        assertEquals(List.of("talks.talk.create", "talks.talk.send", "talks.talk.record_reply", "talks.talk.assess",
                "talks.talk.close"), acts(letter).stream().map(AuditEvent::getAction).collect(Collectors.toList()));
        // the letter happened once its reply was assessed (Topics.TALKS_TALK_HELD)
        assertEquals(List.of(Topics.TALKS_TALK_PLANNED, Topics.TALKS_TALK_HELD, Topics.TALKS_TALK_CLOSED), dispatched());
        assertEquals("ASSESSED", events.get(1).getProperty(EventKeys.TO));
        assertEquals("INQUIRY", events.get(1).getProperty(EventKeys.KIND));
    }

    @Test
    public void aLetterWhoseReplyNeedsVerifyingIsFollowedUp() {
        TalkDto letter = create(draft(TalkKind.INQUIRY, east, eastMember).reason(TalkReason.PROBLEM_CLUE));
        TalkDetailDto d = move(letter, sending(TODAY, TODAY.plusDays(14)));
        d = move(d, replying("说明", TODAY));
        d = move(d, assessing(Assessment.NEEDS_VERIFICATION, null));
        d = move(d, requiring("对说明不清的问题补充书面材料", DEADLINE));
        assertEquals(TalkStatus.FOLLOW_UP_PENDING, d.talk().status());
        assertEquals(EnumSet.of(TalkAction.COMPLETE_FOLLOW_UP), d.allowedActions());
        d = move(d, completing("已补充材料"));
        assertEquals(TalkStatus.CLOSED, d.talk().status());
        assertEquals(List.of("CREATE", "SEND", "RECORD_REPLY", "ASSESS", "REQUIRE_FOLLOW_UP", "COMPLETE_FOLLOW_UP"),
                actions(d));
        assertEquals(List.of(Topics.TALKS_TALK_PLANNED, Topics.TALKS_TALK_HELD, Topics.TALKS_FOLLOW_UP_REQUIRED,
                Topics.TALKS_TALK_CLOSED), dispatched());
    }

    @Test
    public void staleVersionsAndIllegalMovesLeaveTheTalkAsItWas() {
        TalkDto t = create(draft(TalkKind.INTEGRITY, east, eastMember));
        ProblemException stale = assertThrows(ProblemException.class, () -> talks.transition(t.id(), t.version() + 1,
                holding(TODAY, "谈话"), ZH));
        assertEquals(412, stale.getStatus());
        assertTrue(stale instanceof StaleVersionException);
        assertEquals(412, assertThrows(ProblemException.class, () -> talks.update(t.id(), t.version() + 1,
                draft(TalkKind.INTEGRITY, east, eastMember).place("会议室").build(), ZH)).getStatus());
        ConflictException illegal = assertThrows(ConflictException.class, () -> move(t, completing("结果")));
        assertEquals("problem.talks.illegalTransition", illegal.getMessageKey());
        assertEquals("talks.action.COMPLETE_FOLLOW_UP", illegal.getArgs()[0]);

        // two people read the same version; the second to save is refused
        TalkDto edited = talks.update(t.id(), t.version(), draft(TalkKind.INTEGRITY, east, eastMember).place("会议室")
                .build(), ZH);
        assertEquals(412, assertThrows(ProblemException.class, () -> move(t, holding(TODAY, "谈话"))).getStatus());

        TalkDetailDto d = talks.talk(t.id(), ZH);
        assertEquals(TalkStatus.PLANNED, d.talk().status());
        assertEquals(edited.version(), d.talk().version());
        assertEquals("会议室", d.talk().place());
        assertEquals(List.of("CREATE", "EDIT"), actions(d));
        assertFalse(audit.actions().contains("talks.talk.hold"));
        assertEquals(List.of(Topics.TALKS_TALK_PLANNED), dispatched());
    }

    @Test
    public void badDraftsNameEveryFieldAndWriteNothing() {
        PersonDto westCadre = person("西城干部", west, p -> { });
        audit.clear();
        Draft empty = draft(null, null).reason(null).plannedOn(null)
                .subjects(new ArrayList<>(Collections.singletonList(new SubjectDraft(null, null))));
        assertEquals(Set.of("kind", "reason", "unitId", "plannedOn", "subjects[0].personId"),
                fields(ValidationException.class, () -> create(empty)));
        assertEquals(Set.of("body"), fields(ValidationException.class, () -> talks.create(null, ZH)));
        assertEquals(Set.of("subjects"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER,
                east))));
        List<SubjectDraft> crowd = new ArrayList<>();
        for (int i = 0; i <= TalkServiceImpl.MAX_PEOPLE; i++) {
            crowd.add(new SubjectDraft(eastMember.getId(), null));
        }
        assertEquals(Set.of("subjects"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER, east)
                .subjects(crowd))));
        assertEquals(Set.of("followUp"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER, east,
                eastMember).followUp(null, DEADLINE))));
        assertEquals(Set.of("place"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER, east,
                eastMember).place("会".repeat(201)))));
        assertEquals(Set.of("conductorIds[1]"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER,
                east, eastMember).conductorIds(new ArrayList<>(java.util.Arrays.asList(eastOfficer.getId(), null))))));

        // references: each must exist, units and the people talked to in scope
        assertEquals(Set.of("subjects[1].personId"), fields(ValidationException.class, () -> create(
                draft(TalkKind.REMINDER, east, eastMember).subjects(List.of(new SubjectDraft(eastMember.getId(), null),
                        new SubjectDraft(UUID.randomUUID(), null))))));
        assertEquals(Set.of("subjects[0].personId"), fields(ValidationException.class, () -> create(
                draft(TalkKind.REMINDER, east, westCadre))));
        assertEquals(Set.of("conductorIds[0]"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER,
                east, eastMember).conductorIds(List.of(UUID.randomUUID())))));
        assertEquals(Set.of("recorderId"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER,
                east, eastMember).recorder(UUID.randomUUID()))));
        assertEquals(Set.of("handlerIds[0]"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER,
                east, eastMember).conductorIds(new ArrayList<>()).recorder(null)
                .handlers(new PersonDto[] {fakePerson()}))));
        assertEquals(Set.of("unitId"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER, west,
                eastMember))));
        assertEquals(Set.of("unitId"), fields(ValidationException.class, () -> create(draft(TalkKind.REMINDER, east,
                eastMember).unit(UUID.randomUUID()))));

        assertEquals(0, count("tk_talk"));
        assertEquals(0, count("tk_talk_person"));
        assertEquals(0, count("tk_timeline"));
        assertEquals(0, count("pf_outbox"));
        assertEquals(List.of(), audit.all());

        TalkDto t = create(draft(TalkKind.REMINDER, east, eastMember));
        assertEquals(Set.of("subjects"), fields(ValidationException.class, () -> talks.update(t.id(), t.version(),
                draft(TalkKind.REMINDER, east).build(), ZH)));
        assertEquals(Set.of("subjects[0].personId"), fields(ValidationException.class, () -> talks.update(t.id(),
                t.version(), draft(TalkKind.REMINDER, east, westCadre).build(), ZH)));
        TalkDetailDto d = talks.talk(t.id(), ZH);
        assertEquals(t.version(), d.talk().version());
        assertEquals(List.of(eastMember.getId()), d.talk().subjects().stream().map(SubjectDto::personId)
                .collect(Collectors.toList()));
        assertEquals(List.of("CREATE"), actions(d));
        assertEquals(1, count("tk_talk_person"));
    }

    private static PersonDto fakePerson() {
        PersonDto p = new PersonDto();
        p.setId(UUID.randomUUID());
        return p;
    }

    @Test
    public void anOpenFollowUpIsOverdueTheDayAfterItsDeadline() {
        TalkDto other = create(draft(TalkKind.REMINDER, east, eastTop));
        TalkDto t = create(draft(TalkKind.REMINDER, east, eastMember).held(TODAY));
        TalkDetailDto pending = move(t, requiring("限期整改", LocalDate.of(2026, 3, 10)));
        Supplier<List<UUID>> overdue = () -> items(talks.talks(new TalkQuery(null, null, null, null, null, false, null,
                null, null, true, null), page(), ZH)).stream().map(TalkDto::id).collect(Collectors.toList());
        Supplier<List<UUID>> onTime = () -> items(talks.talks(new TalkQuery(null, null, null, null, null, false, null,
                null, null, false, null), page(), ZH)).stream().map(TalkDto::id).collect(Collectors.toList());
        assertEquals(List.of(), overdue.get());
        today(LocalDate.of(2026, 3, 10));
        assertEquals(List.of(), overdue.get());
        assertFalse(talks.talk(t.id(), ZH).talk().followUpOverdue());

        today(LocalDate.of(2026, 3, 11));
        assertEquals(List.of(t.id()), overdue.get());
        assertEquals(List.of(other.id()), onTime.get());
        assertTrue(talks.talk(t.id(), ZH).talk().followUpOverdue());

        move(pending, completing("已整改"));
        assertEquals(List.of(), overdue.get());
        assertFalse(talks.talk(t.id(), ZH).talk().followUpOverdue());
        assertEquals(2, onTime.get().size());
    }

    @Test
    public void plannedAndHeldTalksTakeEditsAndClosedOnesRefuseThem() {
        TalkDto t = create(draft(TalkKind.PRE_APPOINTMENT, east, eastMember).reason(TalkReason.APPOINTMENT));
        TalkDto moved = talks.update(t.id(), t.version(), draft(TalkKind.PRE_APPOINTMENT, east, eastMember)
                .reason(TalkReason.APPOINTMENT).plannedOn(LocalDate.of(2027, 1, 8)).place("委机关第一会议室")
                .handlers(eastTop).build(), ZH);
        assertTrue(moved.version() > t.version());
        assertEquals(2027, moved.year());
        assertEquals("委机关第一会议室", moved.place());
        TalkDetailDto d = talks.talk(t.id(), ZH);
        assertEquals(List.of(new PersonRef(eastTop.getId(), "张书记")), d.handlers());
        assertEquals(List.of("CREATE", "EDIT"), actions(d));
        assertTrue(audit.actions().contains("talks.talk.update"));
        ValidationException byTransition = assertThrows(ValidationException.class, () -> talks.update(t.id(),
                moved.version(), draft(TalkKind.PRE_APPOINTMENT, east, eastMember).heldOn(TODAY).summary("谈话").build(),
                ZH));
        assertEquals("validation.talks.holdByTransition", byTransition.getViolations().get(0).getMessageKey());

        TalkDto held = move(moved, holding(TODAY, "任前廉政谈话")).talk();
        assertEquals(2026, held.year());
        ValidationException kind = assertThrows(ValidationException.class, () -> talks.update(held.id(),
                held.version(), draft(TalkKind.REMINDER, east, eastMember).held(TODAY).build(), ZH));
        assertEquals(Set.of("kind"), fields(kind));
        assertEquals("validation.talks.kindFixed", kind.getViolations().get(0).getMessageKey());
        assertEquals(Set.of("heldOn", "summary"), fields(ValidationException.class, () -> talks.update(held.id(),
                held.version(), draft(TalkKind.PRE_APPOINTMENT, east, eastMember).plannedOn(null).build(), ZH)));
        TalkDto corrected = talks.update(held.id(), held.version(), draft(TalkKind.PRE_APPOINTMENT, east, eastMember)
                .reason(TalkReason.APPOINTMENT).held(TODAY.minusDays(1)).summary("任前廉政谈话，提出廉洁自律要求")
                .build(), ZH);
        assertEquals(TODAY.minusDays(1), corrected.heldOn());
        assertEquals(TalkStatus.HELD, corrected.status());
        assertEquals("任前廉政谈话，提出廉洁自律要求", talks.talk(t.id(), ZH).summary());

        TalkDto closed = move(corrected, TransitionRequest.of(TalkAction.CLOSE, null)).talk();
        ConflictException finished = assertThrows(ConflictException.class, () -> talks.update(closed.id(),
                closed.version(), draft(TalkKind.PRE_APPOINTMENT, east, eastMember).held(TODAY).build(), ZH));
        assertEquals(409, finished.getStatus());
        assertEquals("problem.talks.finished", finished.getMessageKey());
        assertEquals("talks.status.CLOSED", finished.getArgs()[0]);
        assertEquals(closed.version(), talks.talk(t.id(), ZH).talk().version());
    }

    @Test
    public void anEditKeepsWhatTheStateStandsOn() {
        TalkDto t = create(draft(TalkKind.REMINDER, east, eastMember).held(TODAY));
        TalkDto pending = move(t, requiring("限期整改", DEADLINE)).talk();
        ValidationException cleared = assertThrows(ValidationException.class, () -> talks.update(t.id(),
                pending.version(), draft(TalkKind.REMINDER, east, eastMember).held(TODAY).build(), ZH));
        assertEquals("an open follow-up keeps its requirement and deadline", Set.of("followUp", "followUpDeadline"),
                fields(cleared));
        TalkDto edited = talks.update(t.id(), pending.version(), draft(TalkKind.REMINDER, east, eastMember).held(TODAY)
                .followUp("限期整改，书面报告", DEADLINE.plusDays(10)).build(), ZH);
        assertEquals(TalkStatus.FOLLOW_UP_PENDING, edited.status());
        assertEquals(DEADLINE.plusDays(10), edited.followUpDeadline());

        TalkDto letter = create(draft(TalkKind.INQUIRY, east, eastMember));
        TalkDto sent = move(letter, sending(TODAY, TODAY.plusDays(14))).talk();
        assertEquals("a sent letter keeps its reply deadline", Set.of("replyDeadline"), fields(
                ValidationException.class, () -> talks.update(letter.id(), sent.version(), draft(TalkKind.INQUIRY,
                        east, eastMember).build(), ZH)));
        assertEquals(Set.of("replyDeadline"), fields(ValidationException.class, () -> talks.update(letter.id(),
                sent.version(), draft(TalkKind.INQUIRY, east, eastMember).replyDeadline(TODAY.minusDays(1)).build(),
                ZH)));
        assertEquals(TODAY.plusDays(20), talks.update(letter.id(), sent.version(), draft(TalkKind.INQUIRY, east,
                eastMember).replyDeadline(TODAY.plusDays(20)).build(), ZH).replyDeadline());
    }

    @Test
    public void theSignedRecordIsAttachedOnTheTimelineAndTypeChecked() {
        TalkDto t = create(draft(TalkKind.POLITICAL, east, eastTop).held(TODAY));
        AttachmentDto file = talks.attach(t.id(), "谈话记录（签字）.pdf", PDF);
        assertEquals("application/pdf", file.contentType());
        assertEquals("talks", file.module());
        assertEquals(t.id(), file.ownerId());
        TalkDetailDto d = talks.talk(t.id(), ZH);
        assertEquals(List.of(file.id()), d.attachments().stream().map(AttachmentDto::id).collect(Collectors.toList()));
        assertEquals("ATTACH", d.timeline().get(1).action());
        assertEquals("谈话记录（签字）.pdf", d.timeline().get(1).note());
        assertArrayEquals(PDF, attachments.open(file.id()).content());
        assertEquals(Set.of("file"), fields(ValidationException.class, () -> talks.attach(t.id(), "record.pdf",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, count("pf_attachment"));
    }
}
