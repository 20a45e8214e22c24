package org.qinglian.talks.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.junit.After;
import org.junit.Before;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.platform.api.sheet.Workbook;
import org.qinglian.platform.api.sheet.XlsxReader;
import org.qinglian.platform.core.attachment.AttachmentServiceImpl;
import org.qinglian.platform.core.calendar.WorkingCalendarImpl;
import org.qinglian.platform.core.event.EventOutboxImpl;
import org.qinglian.platform.core.i18n.MessagesImpl;
import org.qinglian.platform.core.service.DictionaryServiceImpl;
import org.qinglian.platform.core.service.NoticeServiceImpl;
import org.qinglian.platform.core.service.PersonServiceImpl;
import org.qinglian.platform.core.service.UnitServiceImpl;
import org.qinglian.platform.security.web.NeedToKnowImpl;
import org.qinglian.platform.testing.ModuleMessages;
import org.qinglian.platform.testing.RecordingAuditLog;
import org.qinglian.platform.testing.ResourceLocalJpaTemplate;
import org.qinglian.platform.testing.TestClock;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.platform.testing.TestSecurityContext;
import org.qinglian.talks.api.Assessment;
import org.qinglian.talks.api.SubjectDraft;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkDetailDto;
import org.qinglian.talks.api.TalkDraft;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TransitionRequest;

/**
 * The talks' services as plain objects over the real platform services, on a freshly migrated
 * PostgreSQL schema (platform, then talks; the ledger's too where a test says so): a city
 * commission supervising two districts (east, west: siblings), east supervising a township; in
 * east a top leader (一把手), a leadership member (班子成员) and an inspection cadre; need-to-know
 * decided by the security bundle's real {@link NeedToKnowImpl}.
 */
public abstract class TalksTestCase {

    /** 2026-03-02 10:00 in Shanghai, a Monday. */
    protected static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    protected static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    protected static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    protected static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final TestDatabase.Schema TALKS = new TestDatabase.Schema("talks_schema_history", "db/talks");
    static final TestDatabase.Schema RECTIFICATION = new TestDatabase.Schema("rectification_schema_history",
            "db/rectification");
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    private static final Logger SQL_ERROR_LOG = Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper");

    static {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        FLYWAY_LOG.setLevel(Level.WARNING);
        SQL_ERROR_LOG.setLevel(Level.OFF);
    }

    protected TestClock clock;
    protected EntityManagerFactory platformEmf;
    protected EntityManagerFactory talksEmf;
    protected ResourceLocalJpaTemplate platformJpa;
    protected ResourceLocalJpaTemplate talksJpa;
    protected TestSecurityContext security;
    protected RecordingAuditLog audit;
    protected UnitServiceImpl units;
    protected PersonServiceImpl people;
    protected DictionaryServiceImpl dictionaries;
    protected NoticeServiceImpl notices;
    protected AttachmentServiceImpl attachments;
    protected EventOutboxImpl outbox;
    protected WorkingCalendarImpl calendar;
    protected TalkServiceImpl talks;
    protected final Messages messages = new ModuleMessages(Path.of("../web/src/main/resources/i18n"), new MessagesImpl());
    protected final List<Event> events = new ArrayList<>();
    protected Set<String> permissions = Set.of("talks:read", "talks:write", "talks:export");

    protected UnitDto city;
    protected UnitDto east;
    protected UnitDto west;
    protected UnitDto eastTown;
    /** East's top leader (一把手). */
    protected PersonDto eastTop;
    /** A member of east's leadership (班子成员). */
    protected PersonDto eastMember;
    /** An inspection cadre of east (纪检监察干部), who conducts talks. */
    protected PersonDto eastOfficer;

    /** The schemas the test needs, migrated in order. */
    protected TestDatabase.Schema[] schemas() {
        return new TestDatabase.Schema[] {TestDatabase.PLATFORM, TALKS};
    }

    @Before
    public void freshTalks() {
        TestDatabase.reset(schemas());
        platformEmf = TestDatabase.entityManagerFactory();
        talksEmf = TestDatabase.entityManagerFactory("qinglian-talks", Map.of());
        platformJpa = new ResourceLocalJpaTemplate(platformEmf);
        talksJpa = new ResourceLocalJpaTemplate(talksEmf);
        clock = new TestClock(T0);
        security = new TestSecurityContext();
        audit = new RecordingAuditLog();
        units = new UnitServiceImpl(platformJpa, clock, security, audit);
        dictionaries = new DictionaryServiceImpl(platformJpa, clock, audit);
        people = new PersonServiceImpl(platformJpa, clock, dictionaries, security, audit);
        notices = new NoticeServiceImpl(platformJpa, clock, security);
        attachments = new AttachmentServiceImpl(platformJpa, clock, security, audit, 1024 * 1024);
        EventAdmin recorder = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        };
        outbox = new EventOutboxImpl(platformJpa, clock, recorder);
        calendar = new WorkingCalendarImpl(platformJpa, clock);

        talks = new TalkServiceImpl();
        talks.jpa = talksJpa;
        talks.clock = clock;
        talks.security = security;
        talks.policy = p -> security.caller().map(c -> c.getPermissions().contains(p)).orElse(true);
        talks.needToKnow = new NeedToKnowImpl(security, audit);
        talks.audit = audit;
        talks.attachments = attachments;
        talks.outbox = outbox;
        talks.units = units;
        talks.messages = messages;
        attachments.bindAccess(new TalksAttachmentAccess(talks));

        security.system();
        city = units.create(unit("清源市纪委监委", UnitKind.COMMISSION, UnitLevel.CITY, null));
        east = units.create(unit("东城区纪委监委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        west = units.create(unit("西城区纪委监委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        eastTown = units.create(unit("东城区长安街道纪工委", UnitKind.COMMISSION, UnitLevel.TOWNSHIP, east));
        eastTop = person("张书记", east, p -> p.setTopLeader(true));
        eastMember = person("王副书记", east, p -> p.setLeadershipMember(true));
        eastOfficer = person("李干部", east, p -> p.setInspectionCadre(true));
    }

    @After
    public void closePersistenceUnits() {
        if (talksEmf != null) {
            talksEmf.close();
        }
        if (platformEmf != null) {
            platformEmf.close();
        }
    }

    static UnitDto unit(String name, UnitKind kind, UnitLevel level, UnitDto parent) {
        UnitDto u = new UnitDto();
        u.setName(name);
        u.setKind(kind);
        u.setLevel(level);
        u.setParentId(parent == null ? null : parent.getId());
        return u;
    }

    /** A person of the unit, flagged as the setter says; created as the console, the caller kept. */
    protected PersonDto person(String name, UnitDto unit, Consumer<PersonDto> flags) {
        Caller caller = security.caller().orElse(null);
        Scope scope = security.scope();
        security.system();
        PersonDto p = new PersonDto();
        p.setName(name);
        p.setUnitId(unit.getId());
        flags.accept(p);
        PersonDto created = people.create(p);
        security.as(caller, scope);
        return created;
    }

    /** Signs in a supervisor of the unit, whose scope is the unit and the units it supervises; no person. */
    protected Caller as(String username, UnitDto unit) {
        return as(username, unit, null);
    }

    /** Signs in a supervisor of the unit who is the person of the roster (null for none). */
    protected Caller as(String username, UnitDto unit, PersonDto person) {
        return signIn(username, unit, person, false);
    }

    /** Signs in an API token of the unit (which never satisfies need-to-know), for the person. */
    protected Caller asToken(String username, UnitDto unit, PersonDto person) {
        return signIn(username, unit, person, true);
    }

    private Caller signIn(String username, UnitDto unit, PersonDto person, boolean token) {
        Caller caller = new Caller(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)), username,
                unit.getId(), person == null ? null : person.getId(), Set.of(token ? "integrator" : "supervisor"),
                permissions, token);
        security.system();
        security.as(caller, Scope.of(units.supervisedClosure(unit.getId(), clock.today())));
        return caller;
    }

    /** The unit and the units it supervises today. */
    protected Set<UUID> closure(UnitDto unit) {
        Caller caller = security.caller().orElse(null);
        Scope scope = security.scope();
        security.system();
        Set<UUID> closure = units.supervisedClosure(unit.getId(), clock.today());
        security.as(caller, scope);
        return closure;
    }

    /** Moves the clock to ten in the morning of the day, Shanghai time. */
    protected void today(LocalDate day) {
        clock.set(day.atTime(10, 0).atZone(clock.businessZone()).toInstant());
    }

    /** A talk of the kind, owned by the unit, with the people; planned for the date unless changed. */
    protected static Draft draft(TalkKind kind, UnitDto owner, PersonDto... subjects) {
        return new Draft(kind, owner, subjects);
    }

    /** A draft of a talk, changed field by field. */
    protected static final class Draft {
        TalkKind kind;
        TalkReason reason = TalkReason.ROUTINE;
        Sensitivity sensitivity;
        UUID unitId;
        LocalDate plannedOn = LocalDate.of(2026, 3, 20);
        LocalDate heldOn;
        String place;
        List<SubjectDraft> subjects;
        List<UUID> conductorIds = new ArrayList<>();
        UUID recorderId;
        List<UUID> handlerIds = new ArrayList<>();
        String summary;
        String statement;
        String followUp;
        LocalDate followUpDeadline;
        LocalDate replyDeadline;

        Draft(TalkKind kind, UnitDto owner, PersonDto... subjects) {
            this.kind = kind;
            this.unitId = owner == null ? null : owner.getId();
            this.subjects = Arrays.stream(subjects).map(p -> new SubjectDraft(p.getId(), null))
                    .collect(Collectors.toCollection(ArrayList::new));
        }

        Draft reason(TalkReason value) { reason = value; return this; }
        Draft sensitivity(Sensitivity value) { sensitivity = value; return this; }
        Draft unit(UUID value) { unitId = value; return this; }
        Draft plannedOn(LocalDate value) { plannedOn = value; return this; }
        /** Recorded afterwards: held on the date, with a summary. */
        Draft held(LocalDate on) { heldOn = on; plannedOn = null; summary = "传达全面从严治党要求，听取履责情况汇报"; return this; }
        Draft heldOn(LocalDate value) { heldOn = value; return this; }
        Draft place(String value) { place = value; return this; }
        Draft subjects(List<SubjectDraft> value) { subjects = value; return this; }
        Draft conductors(PersonDto... value) {
            conductorIds = Arrays.stream(value).map(PersonDto::getId).collect(Collectors.toCollection(ArrayList::new));
            return this;
        }
        Draft conductorIds(List<UUID> value) { conductorIds = value; return this; }
        Draft recorder(UUID value) { recorderId = value; return this; }
        Draft handlers(PersonDto... value) {
            handlerIds = Arrays.stream(value).map(PersonDto::getId).collect(Collectors.toCollection(ArrayList::new));
            return this;
        }
        Draft summary(String value) { summary = value; return this; }
        Draft statement(String value) { statement = value; return this; }
        Draft followUp(String text, LocalDate deadline) { followUp = text; followUpDeadline = deadline; return this; }
        Draft replyDeadline(LocalDate value) { replyDeadline = value; return this; }

        TalkDraft build() {
            return new TalkDraft(kind, reason, sensitivity, unitId, plannedOn, heldOn, place, subjects, conductorIds,
                    recorderId, handlerIds, summary, statement, followUp, followUpDeadline, replyDeadline);
        }
    }

    protected TalkDto create(Draft draft) {
        return talks.create(draft.build(), ZH);
    }

    /** HOLD: held on the date (with a place, the summary and the cadre's statement). */
    protected static TransitionRequest holding(LocalDate heldOn, String summary) {
        return new TransitionRequest(TalkAction.HOLD, null, heldOn, "谈话室", summary, "表示坚决整改", null, null, null,
                null, null, null, null, null);
    }

    /** SEND: a letter of inquiry sent on the date, to be answered by the deadline. */
    protected static TransitionRequest sending(LocalDate sentOn, LocalDate replyDeadline) {
        return new TransitionRequest(TalkAction.SEND, null, null, null, null, null, sentOn, replyDeadline, null, null,
                null, null, null, null);
    }

    /** RECORD_REPLY: the written reply, received on the date (null for today). */
    protected static TransitionRequest replying(String reply, LocalDate repliedOn) {
        return new TransitionRequest(TalkAction.RECORD_REPLY, null, null, null, null, null, null, null, reply,
                repliedOn, null, null, null, null);
    }

    /** ASSESS: how credible the reply is, with a note. */
    protected static TransitionRequest assessing(Assessment assessment, String note) {
        return new TransitionRequest(TalkAction.ASSESS, note, null, null, null, null, null, null, null, null,
                assessment, null, null, null);
    }

    /** REQUIRE_FOLLOW_UP: the requirement (整改要求) and its deadline. */
    protected static TransitionRequest requiring(String followUp, LocalDate deadline) {
        return new TransitionRequest(TalkAction.REQUIRE_FOLLOW_UP, null, null, null, null, null, null, null, null,
                null, null, followUp, deadline, null);
    }

    /** COMPLETE_FOLLOW_UP: the result of the follow-up. */
    protected static TransitionRequest completing(String result) {
        return new TransitionRequest(TalkAction.COMPLETE_FOLLOW_UP, null, null, null, null, null, null, null, null,
                null, null, null, null, result);
    }

    /** Moves the talk on from the version given. */
    protected TalkDetailDto move(TalkDto t, TransitionRequest request) {
        return talks.transition(t.id(), t.version(), request, ZH);
    }

    /** Moves the talk on from the version the detail shows. */
    protected TalkDetailDto move(TalkDetailDto d, TransitionRequest request) {
        return move(d.talk(), request);
    }

    protected static PageRequest page() {
        return PageRequest.of(1, 50, null, Set.of());
    }

    protected static <T> List<T> items(Page<T> page) {
        return page.getItems();
    }

    protected static long count(String table) {
        return TestDatabase.value(Long.class, "select count(*) from " + table);
    }

    /** Reads back a workbook the service wrote. */
    protected static Workbook workbook(ByteArrayOutputStream out) {
        try {
            return XlsxReader.read(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of a sheet's cells, row by row, each row's values as text. */
    protected static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.lastRow(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c <= sheet.lastColumn(); c++) {
                Object v = sheet.value(r, c);
                row.add(v == null ? null : String.valueOf(v));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Every value of a sheet's cells as text, one cell a line. */
    protected static String cells(Sheet sheet) {
        return rows(sheet).stream().flatMap(List::stream).filter(v -> v != null).collect(Collectors.joining("\n"));
    }

    /** Posts what committed, then answers the topics of every event posted so far, in order. */
    protected List<String> dispatched() {
        outbox.dispatch();
        return events.stream().map(Event::getTopic).collect(Collectors.toList());
    }
}
