package org.qinglian.platform.core.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.core.ProblemAssert.assertInvalid;
import static org.qinglian.platform.core.ProblemAssert.assertNotFound;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.portal.NoticeDraft;
import org.qinglian.platform.api.portal.NoticeDto;
import org.qinglian.platform.api.portal.NoticeService;
import org.qinglian.platform.api.portal.TodoDraft;
import org.qinglian.platform.api.portal.TodoDto;
import org.qinglian.platform.api.portal.TodoService;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.spi.LocalizedText;
import org.qinglian.platform.core.DatabaseTestCase;
import org.qinglian.platform.testing.TestDatabase;

/**
 * To-dos, each seen and completed by its assignee only, and notices, addressed to one user or
 * to the users of one unit (not those of the units above it), in the caller's language.
 */
public class TodoNoticeTest extends DatabaseTestCase {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;
    private static final Instant DUE = Instant.parse("2026-03-10T02:00:00Z");

    private TodoServiceImpl todos;
    private NoticeServiceImpl notices;
    private UnitDto city;
    private UnitDto east;
    private UnitDto west;
    private UnitDto eastTown;
    /** Two users of the east district, one of the west, one of the city (which supervises both), one of a township. */
    private Caller alice;
    private Caller bob;
    private Caller carol;
    private Caller dave;
    private Caller tom;
    /** A deployment-wide account (no unit). */
    private Caller root;

    @Before
    public void unitsUsersAndServices() {
        city = units.create(UnitServiceTest.dto("市纪委监委", UnitKind.COMMISSION, UnitLevel.CITY, null));
        east = units.create(UnitServiceTest.dto("东区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        west = units.create(UnitServiceTest.dto("西区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        eastTown = units.create(UnitServiceTest.dto("东街道纪工委", UnitKind.COMMISSION, UnitLevel.TOWNSHIP, east));
        alice = caller("alice", east);
        bob = caller("bob", east);
        carol = caller("carol", west);
        dave = caller("dave", city);
        tom = caller("tom", eastTown);
        root = caller("root", null);
        todos = new TodoServiceImpl(jpa, clock, security);
        notices = new NoticeServiceImpl(jpa, clock, security);
    }

    private static Caller caller(String username, UnitDto unit) {
        return new Caller(UUID.randomUUID(), username, unit == null ? null : unit.getId(), null, Set.of("supervisor"),
                Set.of("platform:units-read"), false);
    }

    /** Makes the user the caller, with a scope of their own unit. */
    private void as(Caller c) {
        security.as(c, c.getUnitId() == null ? Scope.UNRESTRICTED : Scope.of(Set.of(c.getUnitId())));
    }

    // --- to-dos ---------------------------------------------------------------------------

    private TodoDraft todo(Caller assignee, String sourceKey, String zh, String en) {
        return new TodoDraft("talks", sourceKey, assignee.getUserId(), east.getId(), new LocalizedText(zh, en),
                "talks/" + sourceKey, TodoDraft.Level.WARNING, DUE);
    }

    /** The REST layer's default: due first, then newest. */
    private static PageRequest todoPage(int page, int size) {
        return PageRequest.of(page, size, "dueAt,-createdAt", TodoService.SORTABLE);
    }

    private static List<String> titles(Page<TodoDto> page) {
        return page.getItems().stream().map(TodoDto::title).collect(Collectors.toList());
    }

    private static long todoRows() {
        return ((Number) TestDatabase.value("select count(*) from pf_todo")).longValue();
    }

    private static Instant todoInstant(String column, UUID id) {
        OffsetDateTime t = TestDatabase.value(OffsetDateTime.class,
                "select " + column + " from pf_todo where public_id = ?", id.toString());
        return t == null ? null : t.toInstant();
    }

    @Test
    public void aToDoIsStoredAsRaised() {
        TodoDto raised = todos.raise(todo(alice, "talk/1/sign", "签署谈话笔录", "Sign the talk record"));
        assertNotNull(raised.id());
        assertEquals(new TodoDto(raised.id(), "talks", "签署谈话笔录", "talks/talk/1/sign", TodoDraft.Level.WARNING, DUE,
                T0, null, east.getId()), raised);
        assertEquals(List.of(List.of("talks", "talk/1/sign", alice.getUserId().toString(), "东区纪委", "签署谈话笔录",
                "Sign the talk record", "WARNING")), TestDatabase.rows("select t.module_id, t.source_key, t.assignee,"
                + " u.name, t.title_zh, t.title_en, t.level from pf_todo t join pf_unit u on u.id = t.unit_id"));
        assertEquals(DUE, todoInstant("due_at", raised.id()));
        assertNull(todoInstant("done_at", raised.id()));

        // the level defaults to INFO, the unit and due date are optional
        TodoDto plain = todos.raise(new TodoDraft("talks", "k", alice.getUserId(), null,
                new LocalizedText("甲", "A"), null, null, null));
        assertEquals(TodoDraft.Level.INFO, plain.level());
        assertNull(plain.unitId());
        assertEquals("INFO", TestDatabase.value("select level from pf_todo where public_id = ?", plain.id().toString()));
    }

    @Test
    public void aToDoIsSeenAndCompletedByItsAssigneeOnly() {
        TodoDto raised = todos.raise(todo(alice, "talk/1/sign", "签署谈话笔录", "Sign the talk record"));

        as(alice);
        Page<TodoDto> open = todos.mine(false, todoPage(1, 20), ZH);
        assertEquals(1, open.getTotal());
        assertEquals(raised.id(), open.getItems().get(0).id());
        assertEquals(1, todos.openCount());

        // bob is of the same unit, but it is not his to-do
        as(bob);
        assertEquals(0, todos.mine(false, todoPage(1, 20), ZH).getTotal());
        assertTrue(todos.mine(false, todoPage(1, 20), ZH).getItems().isEmpty());
        assertEquals(0, todos.mine(true, todoPage(1, 20), ZH).getTotal());
        assertEquals(0, todos.openCount());
        assertNotFound(() -> todos.complete(raised.id(), ZH), "todo", raised.id());
        assertNull(todoInstant("done_at", raised.id()));

        // the supervising city's user and the console see none either
        as(dave);
        assertEquals(0, todos.openCount());
        assertNotFound(() -> todos.complete(raised.id(), ZH), "todo", raised.id());
        security.system();
        assertEquals(0, todos.openCount());
        assertEquals(0, todos.mine(false, todoPage(1, 20), ZH).getTotal());
        assertNotFound(() -> todos.complete(raised.id(), ZH), "todo", raised.id());
        assertNull(todoInstant("done_at", raised.id()));

        // alice completes it, once
        as(alice);
        UUID unknown = UUID.randomUUID();
        assertNotFound(() -> todos.complete(unknown, ZH), "todo", unknown);
        clock.advance(Duration.ofHours(1));
        Instant doneAt = clock.now();
        TodoDto done = todos.complete(raised.id(), ZH);
        assertEquals(doneAt, done.doneAt());
        assertEquals(doneAt, todoInstant("done_at", raised.id()));
        clock.advance(Duration.ofHours(1));
        assertEquals(doneAt, todos.complete(raised.id(), ZH).doneAt());
        assertEquals(doneAt, todoInstant("done_at", raised.id()));
        assertEquals(0, todos.openCount());
        assertEquals(0, todos.mine(false, todoPage(1, 20), ZH).getTotal());
        assertEquals(List.of(raised.id()), todos.mine(true, todoPage(1, 20), ZH).getItems().stream()
                .map(TodoDto::id).collect(Collectors.toList()));
    }

    @Test
    public void raisingAgainUpdatesTheOpenToDoOfTheSameAssigneeModuleAndKey() {
        TodoDto first = todos.raise(todo(alice, "talk/1/sign", "签署谈话笔录", "Sign the talk record"));
        clock.advance(Duration.ofHours(1));
        Instant later = DUE.plus(Duration.ofDays(3));
        TodoDto again = todos.raise(new TodoDraft("talks", "talk/1/sign", alice.getUserId(), east.getId(),
                new LocalizedText("尽快签署谈话笔录", "Sign the talk record now"), "talks/1", TodoDraft.Level.DANGER, later));
        assertEquals(first.id(), again.id());
        assertEquals(1, todoRows());
        assertEquals(List.of("尽快签署谈话笔录", "Sign the talk record now", "DANGER", "talks/1"), TestDatabase.rows(
                "select title_zh, title_en, level, route from pf_todo").get(0));
        assertEquals(later, todoInstant("due_at", first.id()));
        assertEquals(T0, todoInstant("created_at", first.id()));
        assertEquals(T0.plus(Duration.ofHours(1)), todoInstant("updated_at", first.id()));
        as(alice);
        assertEquals(1, todos.openCount());

        // another assignee, another key or another module: another to-do
        todos.raise(todo(bob, "talk/1/sign", "签署谈话笔录", "Sign the talk record"));
        todos.raise(todo(alice, "talk/2/sign", "签署谈话笔录2", "Sign the talk record 2"));
        todos.raise(new TodoDraft("reports", "talk/1/sign", alice.getUserId(), east.getId(),
                new LocalizedText("报告", "Report"), null, null, null));
        assertEquals(4, todoRows());
        assertEquals(3, todos.openCount());

        // once done, raising again adds a new open one and leaves the done one alone
        todos.complete(first.id(), ZH);
        TodoDto reopened = todos.raise(todo(alice, "talk/1/sign", "再次签署", "Sign again"));
        assertFalse(first.id().equals(reopened.id()));
        assertEquals(5, todoRows());
        assertNotNull(todoInstant("done_at", first.id()));
        assertNull(todoInstant("done_at", reopened.id()));
        assertEquals("尽快签署谈话笔录", TestDatabase.value("select title_zh from pf_todo where public_id = ?",
                first.id().toString()));
        assertEquals(3, todos.openCount());
    }

    @Test
    public void resolveClosesTheOpenToDosOfAModulesKey() {
        TodoDto aliceSign = todos.raise(todo(alice, "talk/1/sign", "签署", "Sign"));
        TodoDto bobSign = todos.raise(todo(bob, "talk/1/sign", "签署", "Sign"));
        TodoDto aliceOther = todos.raise(todo(alice, "talk/2/sign", "签署2", "Sign 2"));
        TodoDto aliceDone = todos.raise(todo(alice, "talk/3/sign", "签署3", "Sign 3"));
        as(alice);
        todos.complete(aliceDone.id(), ZH);

        Instant resolvedAt = clock.advance(Duration.ofMinutes(5));
        assertEquals(0, todos.resolve("reports", "talk/1/sign"));
        assertEquals(2, todos.resolve("talks", "talk/1/sign"));
        assertEquals(resolvedAt, todoInstant("done_at", aliceSign.id()));
        assertEquals(resolvedAt, todoInstant("done_at", bobSign.id()));
        assertNull(todoInstant("done_at", aliceOther.id()));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, todos.resolve("talks", "talk/1/sign"));
        assertEquals(resolvedAt, todoInstant("done_at", aliceSign.id()));
        assertEquals(0, todos.resolve("talks", "talk/3/sign"));
        assertEquals(T0, todoInstant("done_at", aliceDone.id()));

        assertEquals(1, todos.openCount());
        assertEquals(List.of(aliceOther.id()), todos.mine(false, todoPage(1, 20), ZH).getItems().stream()
                .map(TodoDto::id).collect(Collectors.toList()));
        assertEquals(2, todos.mine(true, todoPage(1, 20), ZH).getTotal());
        as(bob);
        assertEquals(0, todos.openCount());
    }

    @Test
    public void theCallersToDosArePagedAndSplitIntoOpenAndDone() {
        List<TodoDto> raised = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            raised.add(todos.raise(new TodoDraft("talks", "k" + i, alice.getUserId(), east.getId(),
                    new LocalizedText("待办" + i, "To-do " + i), null, TodoDraft.Level.INFO,
                    DUE.plus(Duration.ofDays(i)))));
            clock.advance(Duration.ofMinutes(1));
        }
        todos.raise(todo(bob, "k1", "鲍勃的", "Bob's"));
        as(alice);

        Page<TodoDto> first = todos.mine(false, todoPage(1, 2), ZH);
        assertEquals(5, first.getTotal());
        assertEquals(1, first.getPage());
        assertEquals(2, first.getSize());
        assertEquals(List.of("待办1", "待办2"), titles(first));
        assertEquals(List.of("待办3", "待办4"), titles(todos.mine(false, todoPage(2, 2), ZH)));
        Page<TodoDto> last = todos.mine(false, todoPage(3, 2), ZH);
        assertEquals(5, last.getTotal());
        assertEquals(List.of("待办5"), titles(last));
        assertTrue(todos.mine(false, todoPage(4, 2), ZH).getItems().isEmpty());
        assertEquals(List.of("待办5", "待办4"),
                titles(todos.mine(false, PageRequest.of(1, 2, "-dueAt", TodoService.SORTABLE), ZH)));

        // raised[0] is 待办5, raised[4] is 待办1
        todos.complete(raised.get(4).id(), ZH);
        todos.complete(raised.get(2).id(), ZH);
        assertEquals(3, todos.openCount());
        Page<TodoDto> open = todos.mine(false, todoPage(1, 20), ZH);
        assertEquals(3, open.getTotal());
        assertEquals(List.of("待办2", "待办4", "待办5"), titles(open));
        Page<TodoDto> done = todos.mine(true, todoPage(1, 20), ZH);
        assertEquals(2, done.getTotal());
        assertEquals(List.of("待办1", "待办3"), titles(done));
        done.getItems().forEach(t -> assertNotNull(t.doneAt()));
        open.getItems().forEach(t -> assertNull(t.doneAt()));
    }

    @Test
    public void toDoTitlesComeInTheCallersLanguage() {
        TodoDto raised = todos.raise(todo(alice, "talk/1/sign", "签署谈话笔录", "Sign the talk record"));
        assertEquals("签署谈话笔录", raised.title());
        as(alice);
        assertEquals(List.of("签署谈话笔录"), titles(todos.mine(false, todoPage(1, 20), ZH)));
        assertEquals(List.of("签署谈话笔录"), titles(todos.mine(false, todoPage(1, 20), Locale.CHINA)));
        assertEquals(List.of("Sign the talk record"), titles(todos.mine(false, todoPage(1, 20), EN)));
        assertEquals(List.of("Sign the talk record"), titles(todos.mine(false, todoPage(1, 20), Locale.US)));
        assertEquals(List.of("签署谈话笔录"), titles(todos.mine(false, todoPage(1, 20), Locale.GERMAN)));
        assertEquals("Sign the talk record", todos.complete(raised.id(), EN).title());
        assertEquals(List.of("Sign the talk record"), titles(todos.mine(true, todoPage(1, 20), EN)));
    }

    @Test
    public void aToDoDraftIsValidated() {
        assertInvalid(() -> todos.raise(new TodoDraft("talks", "k", alice.getUserId(), east.getId(), null, null,
                null, null)), "validation.required", "title");
        assertInvalid(() -> todos.raise(new TodoDraft(null, " ", null, null, null, null, null, null)),
                "validation.required", "module", "sourceKey", "assignee", "title");
        assertInvalid(() -> todos.raise(new TodoDraft("talks", "k", alice.getUserId(), east.getId(),
                new LocalizedText("甲".repeat(301), "A"), null, null, null)), "validation.tooLong", "title");
        UUID gone = UUID.randomUUID();
        assertInvalid(() -> todos.raise(new TodoDraft("talks", "k", alice.getUserId(), gone,
                new LocalizedText("甲", "A"), null, null, null)), "validation.unknownReference", "unitId");
        assertInvalid(() -> todos.raise(null), "validation.required", "body");
        assertEquals(0, todoRows());
    }

    // --- notices --------------------------------------------------------------------------

    private NoticeDraft notice(UnitDto unit, Caller recipient, String zh, String en) {
        return new NoticeDraft("talks", unit.getId(), recipient == null ? null : recipient.getUserId(),
                new LocalizedText(zh, en), new LocalizedText(zh + "的正文", "Body of " + en), "talks/list",
                TodoDraft.Level.INFO);
    }

    private static PageRequest noticePage() {
        return PageRequest.of(1, 20, "-createdAt", NoticeService.SORTABLE);
    }

    private List<UUID> mine(boolean unreadOnly) {
        return notices.mine(unreadOnly, noticePage(), ZH).getItems().stream().map(NoticeDto::id)
                .collect(Collectors.toList());
    }

    private static long readRows() {
        return ((Number) TestDatabase.value("select count(*) from pf_notice_read")).longValue();
    }

    @Test
    public void aNoticeToAUserIsSeenByThatUserOnly() {
        NoticeDto posted = notices.post(notice(east, alice, "请及时签署", "Please sign"));
        assertEquals(List.of(List.of("talks", "东区纪委", alice.getUserId().toString(), "请及时签署", "Please sign")),
                TestDatabase.rows("select n.module_id, u.name, n.recipient, n.title_zh, n.title_en from pf_notice n"
                        + " join pf_unit u on u.id = n.unit_id"));

        as(alice);
        assertEquals(List.of(posted.id()), mine(false));
        assertEquals(1, notices.unreadCount());

        for (Caller other : List.of(bob, carol, dave, tom, root)) {
            as(other);
            assertEquals(other.getUsername(), List.of(), mine(false));
            assertEquals(other.getUsername(), 0, notices.mine(false, noticePage(), ZH).getTotal());
            assertEquals(other.getUsername(), 0, notices.unreadCount());
            assertNotFound(() -> notices.markRead(posted.id(), ZH), "notice", posted.id());
        }
        security.system();
        assertEquals(0, notices.unreadCount());
        assertNotFound(() -> notices.markRead(posted.id(), ZH), "notice", posted.id());
        assertEquals(0, readRows());
    }

    @Test
    public void aNoticeToAUnitReachesItsOwnUsersOnlyNotThoseOfTheUnitsAboveOrBeside() {
        NoticeDto posted = notices.post(notice(east, null, "东区通知", "East notice"));
        assertNull(TestDatabase.value("select recipient from pf_notice"));

        for (Caller own : List.of(alice, bob)) {
            as(own);
            assertEquals(own.getUsername(), List.of(posted.id()), mine(false));
            assertEquals(own.getUsername(), 1, notices.unreadCount());
        }
        // not the supervising city, not the other district, not a township below, not a unit-less account
        for (Caller other : List.of(dave, carol, tom, root)) {
            as(other);
            assertEquals(other.getUsername(), List.of(), mine(false));
            assertEquals(other.getUsername(), List.of(), mine(true));
            assertEquals(other.getUsername(), 0, notices.unreadCount());
            assertNotFound(() -> notices.markRead(posted.id(), ZH), "notice", posted.id());
        }
        assertEquals(0, readRows());
        UUID unknown = UUID.randomUUID();
        as(alice);
        assertNotFound(() -> notices.markRead(unknown, ZH), "notice", unknown);
    }

    @Test
    public void markReadIsIdempotentPerUserAndLowersTheUnreadCount() {
        NoticeDto toUnit = notices.post(notice(east, null, "东区通知", "East notice"));
        clock.advance(Duration.ofMinutes(1));
        NoticeDto toAlice = notices.post(notice(east, alice, "个人通知", "Personal notice"));

        as(alice);
        assertEquals(2, notices.unreadCount());
        assertEquals(List.of(false, false), notices.mine(false, noticePage(), ZH).getItems().stream()
                .map(NoticeDto::read).collect(Collectors.toList()));

        Instant readAt = clock.advance(Duration.ofMinutes(1));
        NoticeDto read = notices.markRead(toUnit.id(), ZH);
        assertTrue(read.read());
        assertEquals(toUnit.id(), read.id());
        assertEquals(1, notices.unreadCount());
        assertEquals(List.of(List.of(alice.getUserId().toString())),
                TestDatabase.rows("select user_id from pf_notice_read"));

        clock.advance(Duration.ofMinutes(1));
        assertTrue(notices.markRead(toUnit.id(), ZH).read());
        assertEquals(1, readRows());
        assertEquals(readAt, TestDatabase.value(OffsetDateTime.class, "select read_at from pf_notice_read").toInstant());
        assertEquals(1, notices.unreadCount());

        List<NoticeDto> listed = notices.mine(false, noticePage(), ZH).getItems();
        assertEquals(List.of(toAlice.id(), toUnit.id()), listed.stream().map(NoticeDto::id).collect(Collectors.toList()));
        assertEquals(List.of(false, true), listed.stream().map(NoticeDto::read).collect(Collectors.toList()));

        // reading is per user: the notice is still unread for bob
        as(bob);
        assertEquals(1, notices.unreadCount());
        assertEquals(List.of(false), notices.mine(false, noticePage(), ZH).getItems().stream()
                .map(NoticeDto::read).collect(Collectors.toList()));
        assertTrue(notices.markRead(toUnit.id(), ZH).read());
        assertEquals(0, notices.unreadCount());
        assertEquals(2, readRows());

        as(alice);
        notices.markRead(toAlice.id(), ZH);
        assertEquals(0, notices.unreadCount());
    }

    @Test
    public void theUnreadFilterKeepsOnlyUnreadNotices() {
        NoticeDto first = notices.post(notice(east, null, "一", "One"));
        clock.advance(Duration.ofMinutes(1));
        NoticeDto second = notices.post(notice(east, alice, "二", "Two"));
        clock.advance(Duration.ofMinutes(1));
        NoticeDto third = notices.post(notice(east, null, "三", "Three"));

        as(alice);
        assertEquals(List.of(third.id(), second.id(), first.id()), mine(true));
        notices.markRead(second.id(), ZH);
        assertEquals(List.of(third.id(), first.id()), mine(true));
        assertEquals(2, notices.mine(true, noticePage(), ZH).getTotal());
        assertEquals(3, notices.mine(false, noticePage(), ZH).getTotal());
        notices.markRead(first.id(), ZH);
        notices.markRead(third.id(), ZH);
        assertEquals(List.of(), mine(true));
        assertEquals(0, notices.mine(true, noticePage(), ZH).getTotal());
        assertEquals(3, notices.mine(false, noticePage(), ZH).getTotal());

        // bob read nothing, and does not receive alice's own notice
        as(bob);
        assertEquals(List.of(third.id(), first.id()), mine(true));
    }

    @Test
    public void noticesComeInTheCallersLanguageNewestFirst() {
        NoticeDto older = notices.post(notice(east, null, "旧通知", "Old notice"));
        Instant newer = clock.advance(Duration.ofHours(1));
        notices.post(new NoticeDraft("platform", east.getId(), null, new LocalizedText("新通知", "New notice"), null,
                null, TodoDraft.Level.DANGER));

        as(alice);
        List<NoticeDto> zh = notices.mine(false, noticePage(), ZH).getItems();
        assertEquals(List.of("新通知", "旧通知"), zh.stream().map(NoticeDto::title).collect(Collectors.toList()));
        assertEquals(new NoticeDto(older.id(), "talks", "旧通知", "旧通知的正文", "talks/list", TodoDraft.Level.INFO, T0,
                false, east.getId()), zh.get(1));
        assertEquals(newer, zh.get(0).createdAt());
        assertNull(zh.get(0).body());
        assertEquals(TodoDraft.Level.DANGER, zh.get(0).level());
        assertEquals("platform", zh.get(0).module());

        List<NoticeDto> en = notices.mine(false, noticePage(), EN).getItems();
        assertEquals(List.of("New notice", "Old notice"), en.stream().map(NoticeDto::title).collect(Collectors.toList()));
        assertEquals("Body of Old notice", en.get(1).body());
        NoticeDto read = notices.markRead(older.id(), EN);
        assertEquals("Old notice", read.title());
        assertEquals("Body of Old notice", read.body());
    }

    @Test
    public void aNoticeDraftIsValidated() {
        assertInvalid(() -> notices.post(new NoticeDraft("talks", east.getId(), null, null, null, null, null)),
                "validation.required", "title");
        assertInvalid(() -> notices.post(new NoticeDraft(null, null, null, null, null, null, null)),
                "validation.required", "module", "unitId", "title");
        assertInvalid(() -> notices.post(new NoticeDraft("talks", east.getId(), null, new LocalizedText("甲", "A"),
                new LocalizedText("长".repeat(4001), "long"), null, null)), "validation.tooLong", "body");
        UUID gone = UUID.randomUUID();
        assertInvalid(() -> notices.post(new NoticeDraft("talks", gone, null, new LocalizedText("甲", "A"), null,
                null, null)), "validation.unknownReference", "unitId");
        assertInvalid(() -> notices.post(null), "validation.required", "body");
        assertEquals(0L, ((Number) TestDatabase.value("select count(*) from pf_notice")).longValue());
    }
}
