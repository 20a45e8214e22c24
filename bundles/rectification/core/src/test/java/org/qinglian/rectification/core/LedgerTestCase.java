package org.qinglian.rectification.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

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
import org.qinglian.platform.core.attachment.AttachmentServiceImpl;
import org.qinglian.platform.core.calendar.WorkingCalendarImpl;
import org.qinglian.platform.core.event.EventOutboxImpl;
import org.qinglian.platform.core.i18n.MessagesImpl;
import org.qinglian.platform.core.service.DictionaryServiceImpl;
import org.qinglian.platform.core.service.NoticeServiceImpl;
import org.qinglian.platform.core.service.PersonServiceImpl;
import org.qinglian.platform.core.service.TodoServiceImpl;
import org.qinglian.platform.core.service.UnitServiceImpl;
import org.qinglian.platform.testing.ModuleMessages;
import org.qinglian.platform.testing.PeopleUsers;
import org.qinglian.platform.testing.RecordingAuditLog;
import org.qinglian.platform.testing.ResourceLocalJpaTemplate;
import org.qinglian.platform.testing.TestClock;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.platform.testing.TestSecurityContext;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.Severity;

/**
 * The ledger's services as plain objects over the real platform services, on a freshly migrated
 * PostgreSQL schema (platform, then rectification): a city commission supervising two districts
 * (east, west: siblings), east supervising a township; a supervisor of each.
 */
public abstract class LedgerTestCase {

    /** 2026-03-02 10:00 in Shanghai, a Monday. */
    protected static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    protected static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
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
    protected EntityManagerFactory ledgerEmf;
    protected ResourceLocalJpaTemplate platformJpa;
    protected ResourceLocalJpaTemplate ledgerJpa;
    protected TestSecurityContext security;
    protected RecordingAuditLog audit;
    protected UnitServiceImpl units;
    protected PersonServiceImpl people;
    protected DictionaryServiceImpl dictionaries;
    protected TodoServiceImpl todos;
    protected NoticeServiceImpl notices;
    protected AttachmentServiceImpl attachments;
    protected EventOutboxImpl outbox;
    protected WorkingCalendarImpl calendar;
    protected RectificationServiceImpl ledger;
    protected final List<Event> events = new ArrayList<>();
    protected final PeopleUsers users = new PeopleUsers();
    protected final Messages messages = new ModuleMessages(Path.of("../web/src/main/resources/i18n"), new MessagesImpl());
    protected Set<String> permissions = Set.of("rectification:read", "rectification:write", "rectification:report",
            "rectification:close", "rectification:export", "rectification:import");

    protected UnitDto city;
    protected UnitDto east;
    protected UnitDto west;
    protected UnitDto eastTown;
    protected PersonDto eastLeader;
    protected PersonDto eastOfficer;

    @Before
    public void freshLedger() {
        TestDatabase.reset(TestDatabase.PLATFORM, RECTIFICATION);
        platformEmf = TestDatabase.entityManagerFactory();
        ledgerEmf = TestDatabase.entityManagerFactory("qinglian-rectification", Map.of());
        platformJpa = new ResourceLocalJpaTemplate(platformEmf);
        ledgerJpa = new ResourceLocalJpaTemplate(ledgerEmf);
        clock = new TestClock(T0);
        security = new TestSecurityContext();
        audit = new RecordingAuditLog();
        units = new UnitServiceImpl(platformJpa, clock, security, audit);
        dictionaries = new DictionaryServiceImpl(platformJpa, clock, audit);
        people = new PersonServiceImpl(platformJpa, clock, dictionaries, security, audit);
        todos = new TodoServiceImpl(platformJpa, clock, security);
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
        new CategoryDictionary(dictionaries).activate();

        ledger = new RectificationServiceImpl();
        ledger.jpa = ledgerJpa;
        ledger.clock = clock;
        ledger.security = security;
        ledger.policy = p -> security.caller().map(c -> c.getPermissions().contains(p)).orElse(true);
        ledger.audit = audit;
        ledger.attachments = attachments;
        ledger.outbox = outbox;
        ledger.dictionaries = dictionaries;
        ledger.units = units;
        ledger.todos = todos;
        ledger.messages = messages;

        security.system();
        city = units.create(unit("清源市纪委监委", UnitKind.COMMISSION, UnitLevel.CITY, null));
        east = units.create(unit("东城区纪委监委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        west = units.create(unit("西城区纪委监委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        eastTown = units.create(unit("东城区长安街道纪工委", UnitKind.COMMISSION, UnitLevel.TOWNSHIP, east));
        eastLeader = person("张书记", east, true);
        eastOfficer = person("李干部", east, false);
    }

    @After
    public void closePersistenceUnits() {
        if (ledgerEmf != null) {
            ledgerEmf.close();
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

    PersonDto person(String name, UnitDto unit, boolean topLeader) {
        PersonDto p = new PersonDto();
        p.setName(name);
        p.setUnitId(unit.getId());
        p.setTopLeader(topLeader);
        return people.create(p);
    }

    /** Signs in a supervisor of the unit, whose scope is the unit and the units it supervises. */
    protected Caller as(String username, UnitDto unit) {
        Caller caller = new Caller(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)), username,
                unit.getId(), null, Set.of("supervisor"), permissions, false);
        security.system();
        security.as(caller, Scope.of(units.supervisedClosure(unit.getId(), clock.today())));
        return caller;
    }

    /** Registers a problem of the unit with one measure due on the date. */
    protected ProblemDto problem(UnitDto unit, String description, LocalDate deadline) {
        return ledger.createProblem(new ProblemDraft(null, description, "political", Severity.HIGH, unit.getId(),
                eastLeader.getUnitId().equals(unit.getId()) ? eastLeader.getId() : null,
                List.of(new MeasureDraft("制定整改方案", eastOfficer.getUnitId().equals(unit.getId())
                        ? eastOfficer.getId() : null, null, deadline, false, List.of()))), ZH);
    }

    protected static PageRequest page() {
        return PageRequest.of(1, 50, null, Set.of());
    }

    protected static <T> List<T> items(Page<T> page) {
        return page.getItems();
    }
}
